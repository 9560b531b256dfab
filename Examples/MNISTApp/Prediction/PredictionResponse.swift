import HTTPServer

/// The body of a successful `POST /predict`, written by hand:
///
///     {"confidence":0.98,"digit":7,
///      "digits":[{"box":[12,40,51,98],"confidence":0.97,"digit":2,"probabilities":{"0":…,"9":…}},…],
///      "model_input":[0,0,…,0.5,…],"number":"2026","probabilities":{"0":0.001,…,"9":0.002}}
///
/// without the line breaks. `digit`, `confidence`, `probabilities` and `model_input` are the
/// original app's, for the digit the model is surest of; `digits` lists every digit left to
/// right, with its box `[x, y, width, height]` in the drawing's pixels, and `number` reads them.
/// `model_input`, 784 numbers and most of the bytes, is written only when asked for.
///
/// The bytes are exactly those `JSONEncoder` writes with `.sortedKeys` (keys in order, each
/// number the shortest text that reads back as the same `Float`, `.0` dropped): through
/// `Encodable`, the 794 numbers took a quarter of a request's CPU time; written here, under 1 %.
struct PredictionResponse {
    let recognition: NumberRecognition
    let includesModelInput: Bool

    /// The response for `recognition`; a 500 if the model produced a number JSON cannot hold
    /// (NaN or an infinity), rather than a trap.
    init(recognition: NumberRecognition, includesModelInput: Bool = true) throws(HTTPError) {
        let values = recognition.digits.flatMap(\.recognition.probabilities)
            + (includesModelInput ? recognition.mostConfident.modelInput : [])
        if let value = values.first(where: { !$0.isFinite }) {
            throw HTTPError(.internalServerError, "the model produced a value JSON cannot hold",
                            cause: "the recognition holds \(value); is the model diverged?")
        }
        self.recognition = recognition
        self.includesModelInput = includesModelInput
    }

    /// The UTF-8 JSON text.
    var encoded: [UInt8] {
        let best = recognition.mostConfident
        var bytes: [UInt8] = []
        let inputCount = includesModelInput ? best.modelInput.count : 0
        bytes.reserveCapacity(96 + 12 * (inputCount + (1 + recognition.digits.count) * best.probabilities.count))
        bytes += #"{"confidence":"#.utf8
        Self.append(best.confidence, to: &bytes)
        bytes += #","digit":"#.utf8
        bytes += String(best.digit).utf8
        bytes += #","digits":["#.utf8
        for (index, digit) in recognition.digits.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let box = [digit.columns.lowerBound, digit.rows.lowerBound, digit.columns.count, digit.rows.count]
            bytes += #"{"box":[\#(box.map(String.init).joined(separator: ","))],"confidence":"#.utf8
            Self.append(digit.recognition.confidence, to: &bytes)
            bytes += #","digit":\#(digit.recognition.digit),"probabilities":"#.utf8
            Self.appendProbabilities(of: digit.recognition, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        if includesModelInput {
            bytes += #","model_input":["#.utf8
            for (index, value) in best.modelInput.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.append(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        // The number is ASCII digits only: nothing to escape.
        bytes += #","number":"\#(recognition.number)","probabilities":"#.utf8
        Self.appendProbabilities(of: best, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// `{"0":p0,…,"9":p9}`, sorted as strings, as `.sortedKeys` sorts them: "0" … "9", then
    /// "10" after "1" if ever there were more.
    private static func appendProbabilities(of recognition: Recognition, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        let digits = recognition.probabilities.indices.sorted { String($0) < String($1) }
        for (position, digit) in digits.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += #""\#(digit)":"#.utf8
            append(recognition.probabilities[digit], to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `value` as `JSONEncoder` writes a finite `Float` (`init` checked): its `description`
    /// without a trailing `.0`.
    private static func append(_ value: Float, to bytes: inout [UInt8]) {
        if value.bitPattern == 0 {
            bytes.append(UInt8(ascii: "0"))  // the commonest model input, at no cost
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }
}

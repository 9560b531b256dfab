/// The body of a successful `POST /predict`, written by hand:
///
///     {"confidence":0.98,"digit":7,"model_input":[0,0,…,0.5,…],"probabilities":{"0":0.001,…,"9":0.002}}
///
/// The bytes are exactly those `JSONEncoder` writes with `.sortedKeys` (keys in order, each
/// number the shortest text that reads back as the same `Float`, `.0` dropped): through
/// `Encodable`, the 794 numbers took a quarter of a request's CPU time; written here, under 1 %.
struct PredictionResponse {
    let recognition: Recognition

    /// The UTF-8 JSON text.
    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + 12 * (recognition.modelInput.count + recognition.probabilities.count))
        bytes += #"{"confidence":"#.utf8
        Self.append(recognition.confidence, to: &bytes)
        bytes += #","digit":"#.utf8
        bytes += String(recognition.digit).utf8
        bytes += #","model_input":["#.utf8
        for (index, value) in recognition.modelInput.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.append(value, to: &bytes)
        }
        bytes += #"],"probabilities":{"#.utf8
        // Sorted as strings, as `.sortedKeys` sorts them: "0" … "9", then "10" after "1" if ever there were more.
        let digits = recognition.probabilities.indices.sorted { String($0) < String($1) }
        for (position, digit) in digits.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += #""\#(digit)":"#.utf8
            Self.append(recognition.probabilities[digit], to: &bytes)
        }
        bytes += "}}".utf8
        return bytes
    }

    /// `value` as `JSONEncoder` writes a finite `Float`: its `description` without a trailing `.0`.
    private static func append(_ value: Float, to bytes: inout [UInt8]) {
        precondition(value.isFinite, "JSON has no text for \(value)")
        if value.bitPattern == 0 {
            bytes.append(UInt8(ascii: "0"))  // the commonest model input, at no cost
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }
}

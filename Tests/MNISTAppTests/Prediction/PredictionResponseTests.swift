import Foundation
@testable import MNISTApp
import NumSight
import Testing

@Suite struct PredictionResponseTests {
    /// The response as `JSONEncoder` writes it: the reference for the hand-written encoder.
    private struct EncodablePrediction: Encodable {
        struct Digit: Encodable {
            let digit: Int
            let confidence: Float
            let box: [Int]
            let probabilities: [String: Float]
        }

        let digit: Int
        let confidence: Float
        let probabilities: [String: Float]
        let modelInput: [Float]
        let digits: [Digit]
        let number: String

        init(_ recognition: NumberRecognition) {
            let best = recognition.mostConfident
            digit = best.digit
            confidence = best.confidence
            probabilities = Self.keyedByDigit(best.probabilities)
            modelInput = best.modelInput
            digits = recognition.digits.map { digit in
                Digit(digit: digit.recognition.digit, confidence: digit.recognition.confidence,
                      box: [digit.columns.lowerBound, digit.rows.lowerBound, digit.columns.count, digit.rows.count],
                      probabilities: Self.keyedByDigit(digit.recognition.probabilities))
            }
            number = recognition.number
        }

        static func keyedByDigit(_ probabilities: [Float]) -> [String: Float] {
            Dictionary(uniqueKeysWithValues: probabilities.enumerated().map { ("\($0)", $1) })
        }

        enum CodingKeys: String, CodingKey {
            case digit, confidence, probabilities, digits, number
            case modelInput = "model_input"
        }
    }

    private func encodedByJSONEncoder(_ recognition: NumberRecognition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EncodablePrediction(recognition)), as: UTF8.self)
    }

    private static func softmax(of logits: [Float]) -> [Float] {
        let total = logits.map { exp($0) }.reduce(0, +)
        return logits.map { exp($0) / total }
    }

    @Test(arguments: [1, 4])
    func writesTheBytesJSONEncoderWrites(digitCount: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: 7)
        // Zeros, ones, halves, tiny and huge magnitudes, a subnormal, negative zero and plain randoms.
        let special: [Float] = [0, 1, 0.5, -0.0, 1e-5, 1e-7, Float(bitPattern: 0x0020_AB3C), 123_456_792, 0.1, 1 / 3, .leastNonzeroMagnitude]
        let digits = (0..<digitCount).map { position in
            let modelInput = special + (special.count..<784).map { index in
                index % 3 == 0 ? 0 : Float.random(in: 0...1, using: &generator)
            }
            let logits = (0..<10).map { _ in Float.random(in: -20...20, using: &generator) }
            let left = 10 + 90 * position
            return NumberRecognition.Digit(
                columns: left..<(left + Int.random(in: 1...80, using: &generator)),
                rows: 5..<(6 + Int.random(in: 0...200, using: &generator)),
                recognition: Recognition(probabilities: Self.softmax(of: logits), modelInput: modelInput))
        }
        let recognition = NumberRecognition(digits: digits)

        let expected = try encodedByJSONEncoder(recognition)
        let observed = String(decoding: try PredictionResponse(recognition: recognition).encoded, as: UTF8.self)
        #expect(observed == expected, "expected \(expected.prefix(300))…, observed \(observed.prefix(300))…")
    }

    @Test func readsBackAsTheSameNumbers() throws {
        let unsure = Recognition(probabilities: [0.4, 0.6] + Array(repeating: 0, count: 8), modelInput: Array(repeating: 0, count: 784))
        let sure = Recognition(probabilities: [0.25, 0, 0.75] + Array(repeating: 0, count: 7),
                               modelInput: (0..<784).map { Float($0) / 783 })
        let recognition = NumberRecognition(digits: [
            .init(columns: 3..<40, rows: 7..<90, recognition: unsure),
            .init(columns: 50..<81, rows: 2..<99, recognition: sure),
        ])
        let object = try JSONSerialization.jsonObject(with: Data(try PredictionResponse(recognition: recognition).encoded))
        let fields = try #require(object as? [String: Any])
        // The original fields describe the digit the model is surest of: the 2 at 0.75.
        #expect(fields["digit"] as? Int == 2)
        #expect((fields["confidence"] as? NSNumber)?.floatValue == 0.75)
        let probabilities = try #require(fields["probabilities"] as? [String: NSNumber])
        #expect(probabilities.count == 10 && probabilities["0"]?.floatValue == 0.25)
        let modelInput = try #require(fields["model_input"] as? [NSNumber]).map(\.floatValue)
        #expect(modelInput == sure.modelInput)
        #expect(fields["number"] as? String == "12")
        let digits = try #require(fields["digits"] as? [[String: Any]])
        #expect(digits.map { $0["digit"] as? Int } == [1, 2])
        #expect(digits.map { $0["box"] as? [Int] } == [[3, 7, 37, 83], [50, 2, 31, 97]])
        #expect(digits.map { ($0["confidence"] as? NSNumber)?.floatValue } == [0.6, 0.75])
        #expect((digits[0]["probabilities"] as? [String: NSNumber])?["0"]?.floatValue == 0.4)
    }
}

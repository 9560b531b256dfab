import Foundation
@testable import MNISTApp
import NumSight
import Testing

@Suite struct PredictionResponseTests {
    /// The response as `JSONEncoder` wrote it before the hand-written encoder: the reference.
    private struct EncodablePrediction: Encodable {
        let digit: Int
        let confidence: Float
        let probabilities: [String: Float]
        let modelInput: [Float]

        init(_ recognition: Recognition) {
            digit = recognition.digit
            confidence = recognition.confidence
            probabilities = Dictionary(uniqueKeysWithValues: recognition.probabilities.enumerated().map { ("\($0)", $1) })
            modelInput = recognition.modelInput
        }

        enum CodingKeys: String, CodingKey {
            case digit, confidence, probabilities
            case modelInput = "model_input"
        }
    }

    private func encodedByJSONEncoder(_ recognition: Recognition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EncodablePrediction(recognition)), as: UTF8.self)
    }

    @Test func writesTheBytesJSONEncoderWrites() throws {
        var generator = SeededRandomNumberGenerator(seed: 7)
        // Zeros, ones, halves, tiny and huge magnitudes, a subnormal, negative zero and plain randoms.
        let special: [Float] = [0, 1, 0.5, -0.0, 1e-5, 1e-7, Float(bitPattern: 0x0020_AB3C), 123_456_792, 0.1, 1 / 3, .leastNonzeroMagnitude]
        let modelInput = special + (special.count..<784).map { index in
            index % 3 == 0 ? 0 : Float.random(in: 0...1, using: &generator)
        }
        let logits = (0..<10).map { _ in Float.random(in: -20...20, using: &generator) }
        let total = logits.map { exp($0) }.reduce(0, +)
        let recognition = Recognition(probabilities: logits.map { exp($0) / total }, modelInput: modelInput)

        let expected = try encodedByJSONEncoder(recognition)
        let observed = String(decoding: PredictionResponse(recognition: recognition).encoded, as: UTF8.self)
        #expect(observed == expected, "expected \(expected.prefix(300))…, observed \(observed.prefix(300))…")
    }

    @Test func readsBackAsTheSameNumbers() throws {
        let recognition = Recognition(probabilities: [0.25, 0.75] + Array(repeating: 0, count: 8),
                                      modelInput: (0..<784).map { Float($0) / 783 })
        let object = try JSONSerialization.jsonObject(with: Data(PredictionResponse(recognition: recognition).encoded))
        let fields = try #require(object as? [String: Any])
        #expect(fields["digit"] as? Int == 1)
        #expect((fields["confidence"] as? NSNumber)?.floatValue == 0.75)
        let probabilities = try #require(fields["probabilities"] as? [String: NSNumber])
        #expect(probabilities.count == 10 && probabilities["0"]?.floatValue == 0.25)
        let modelInput = try #require(fields["model_input"] as? [NSNumber]).map(\.floatValue)
        #expect(modelInput == recognition.modelInput)
    }
}

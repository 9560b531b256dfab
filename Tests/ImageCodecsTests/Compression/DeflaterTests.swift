import ExampleTestSupport
import NumSight
import Testing
@testable import ImageCodecs

private func roundTrip(_ bytes: [UInt8]) throws -> (compressed: [UInt8], restored: [UInt8]) {
    let compressed = Deflater.deflate(bytes)
    return (compressed, try Inflater(maximumOutputCount: bytes.count).inflate(compressed))
}

@Suite struct DeflaterTests {
    @Test func deflatedBytesInflateToTheOriginal() throws {
        var random = SeededRandomNumberGenerator(seed: 1)
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog; ", count: 300).utf8)
        let noise = random.bytes(300)
        let inputs: [(String, [UInt8])] = [
            ("empty", []), ("one byte", [42]), ("two bytes", [1, 2]), ("text", text),
            ("random, several stored blocks", random.bytes(150_000)),
            ("repeat 32 000 bytes back", noise + [UInt8](repeating: 7, count: 31_700) + noise),
            ("runs longer than 258", [UInt8](repeating: 0, count: 1000) + [1] + [UInt8](repeating: 0, count: 1000)),
        ]
        for (name, input) in inputs {
            let (_, restored) = try roundTrip(input)
            #expect(restored == input, "\(name): round trip changed the bytes")
        }
    }

    @Test func deflateShrinksRepetitiveInputAndBarelyGrowsRandomInput() throws {
        let zeros = try roundTrip([UInt8](repeating: 0, count: 100_000)).compressed
        #expect(zeros.count < 800, "100 000 zeros: expected < 800 bytes, observed \(zeros.count)")

        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog; ", count: 300).utf8)
        let compressedText = try roundTrip(text).compressed
        #expect(compressedText.count < text.count / 20, "text: \(text.count) → \(compressedText.count) bytes")

        var random = SeededRandomNumberGenerator(seed: 2)
        let noise = random.bytes(100_000)
        let compressedNoise = try roundTrip(noise).compressed
        // Stored blocks: 5 bytes per block of at most 65 535 bytes.
        #expect(compressedNoise.count <= noise.count + 10, "random: \(noise.count) → \(compressedNoise.count) bytes")
    }
}

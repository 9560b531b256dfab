import ExampleTestSupport
import Testing
@testable import ImageCodecs
import NumSight

@Suite struct Adler32Tests {
    @Test func adler32OfWikipediaIs11E60398() {
        let observed = Adler32.checksum(of: Array("Wikipedia".utf8))
        #expect(observed == 0x11E6_0398, "expected 0x11E60398, observed 0x\(String(observed, radix: 16))")
    }

    @Test func adler32OfNoBytesIsOne() {
        #expect(Adler32.checksum(of: []) == 1)
    }

    @Test func adler32ReducesItsSumsModulo65521OverLongInput() {
        // zlib.adler32(b"\xff" * 100000) == 0x149a302c: far past the 5552 bytes between reductions.
        #expect(Adler32.checksum(of: [UInt8](repeating: 0xFF, count: 100_000)) == 0x149A_302C)
    }

    @Test func adler32UpdatedInPiecesEqualsChecksumOfTheWhole() {
        var adler = Adler32()
        adler.update(with: Array("Wiki".utf8))
        adler.update(with: Array("pedia".utf8))
        #expect(adler.value == 0x11E6_0398)
    }

    @Test func adler32MatchesTheByteAtATimeDefinitionForAnyLengthAndSplit() {
        var generator = SeededRandomNumberGenerator(seed: 32)
        for length in [1, 15, 16, 17, 255, 5551, 5552, 5553, 11_104, 20_011] {
            let bytes = generator.bytes(length)
            var (a, b): (UInt32, UInt32) = (1, 0)
            for byte in bytes {
                a = (a + UInt32(byte)) % 65521
                b = (b + a) % 65521
            }
            let split = Int.random(in: 0...length, using: &generator)
            var adler = Adler32()
            adler.update(with: bytes[..<split])
            adler.update(with: bytes[split...])
            #expect(adler.value == b << 16 | a, "length \(length) split at \(split)")
            #expect(Adler32.checksum(of: [UInt8](repeating: 0xFF, count: length)) == Self.reference(ofFFs: length))
        }
    }

    /// The checksum of `count` bytes 0xFF, worked out in closed form: `a = 1 + 255n`,
    /// `b = n + 255·n(n+1)/2`, both modulo 65521.
    private static func reference(ofFFs count: Int) -> UInt32 {
        let n = UInt64(count)
        let a = (1 + 255 * n) % 65521
        let b = (n + 255 * n * (n + 1) / 2) % 65521
        return UInt32(b << 16 | a)
    }
}

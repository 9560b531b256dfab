import Testing
import MNISTApp

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
}

import Testing
import ImageCodecs

@Suite struct CRC32Tests {
    @Test func crc32OfTheStandardCheckStringIsCBF43926() {
        let observed = CRC32.checksum(of: Array("123456789".utf8))
        #expect(observed == 0xCBF4_3926, "expected 0xCBF43926, observed 0x\(String(observed, radix: 16))")
    }

    @Test func crc32OfNoBytesIsZero() {
        #expect(CRC32.checksum(of: []) == 0)
        #expect(CRC32().value == 0)
    }

    @Test func crc32OfManyBytesMatchesPythonZlib() {
        // zlib.crc32(b"\xff" * 100000) == 0x68c6cec4
        #expect(CRC32.checksum(of: [UInt8](repeating: 0xFF, count: 100_000)) == 0x68C6_CEC4)
    }

    @Test func crc32UpdatedInPiecesEqualsChecksumOfTheWhole() {
        var crc = CRC32()
        crc.update(with: Array("1234".utf8))
        crc.update(with: Array("56789".utf8)[...])
        #expect(crc.value == 0xCBF4_3926)
    }
}

import ExampleTestSupport
import Testing
@testable import ImageCodecs

@Suite struct ZlibStreamTests {
    @Test func decompressesPythonZlibOutput() throws {
        let fixture = try #require(Fixture.compressed(under: "zlib").first)
        let output = try ZlibStream.decompress(Fixture.bytes(fixture.path), maximumOutputCount: fixture.byteCount)
        #expect(output.count == fixture.byteCount)
        #expect(CRC32.checksum(of: output) == fixture.crc32)
    }

    @Test func compressedBytesDecompressToTheOriginal() throws {
        let text = Array("zlib round trip, zlib round trip".utf8)
        let stream = ZlibStream.compress(text)
        #expect(try ZlibStream.decompress(stream, maximumOutputCount: text.count) == text)
        // The trailer is the big-endian Adler-32 of the data.
        let adler = Adler32.checksum(of: text)
        #expect(Array(stream.suffix(4)) == [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) })
    }

    @Test func rejectsAWrongAdler32() throws {
        var stream = try Fixture.bytes("zlib/text.zlib")
        stream[stream.count - 1] ^= 0x01
        #expect(throws: ZlibError.self) { try ZlibStream.decompress(stream, maximumOutputCount: 1 << 20) }
        do {
            _ = try ZlibStream.decompress(stream, maximumOutputCount: 1 << 20)
        } catch {
            guard case let .checksumMismatch(expected, computed) = error else {
                Issue.record("expected a checksum mismatch, observed \(error)")
                return
            }
            #expect(expected == computed ^ 1)
        }
    }

    @Test func rejectsHeadersThatAreNotZlib() {
        #expect(throws: ZlibError.invalidHeader) { try ZlibStream.decompress([0x78, 0x9D, 0x03, 0x00], maximumOutputCount: 10) }
        #expect(throws: ZlibError.presetDictionaryNotSupported) {
            try ZlibStream.decompress([0x78, 0xBB, 0, 0, 0, 0, 0x03, 0x00], maximumOutputCount: 10)
        }
        #expect(throws: ZlibError.truncated) { try ZlibStream.decompress([0x78], maximumOutputCount: 10) }
    }

    @Test func rejectsEveryTruncation() throws {
        let stream = try Fixture.bytes("zlib/text.zlib")
        for length in 0..<stream.count {
            #expect(throws: ZlibError.truncated, "prefix of \(length) bytes") {
                try ZlibStream.decompress(Array(stream.prefix(length)), maximumOutputCount: 1 << 20)
            }
        }
    }
}

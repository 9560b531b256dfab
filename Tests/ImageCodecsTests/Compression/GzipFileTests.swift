import ExampleTestSupport
import Testing
import ImageCodecs

private let limit = 1 << 20

@Suite struct GzipFileTests {
    @Test(arguments: Fixture.compressed(under: "gzip"))
    func decompressesPythonGzipFiles(_ fixture: Fixture.Expectation) throws {
        // plain, two concatenated members, and every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC)
        let output = try GzipFile.decompress(Fixture.bytes(fixture.path), maximumOutputCount: limit)
        #expect(output.count == fixture.byteCount, "expected \(fixture.byteCount) bytes, observed \(output.count)")
        #expect(CRC32.checksum(of: output) == fixture.crc32)
    }

    @Test func compressedBytesDecompressToTheOriginal() throws {
        let text = Array("gzip round trip".utf8)
        #expect(try GzipFile.decompress(GzipFile.compress(text), maximumOutputCount: limit) == text)
        #expect(try GzipFile.decompress(GzipFile.compress([]), maximumOutputCount: limit) == [])
    }

    @Test func rejectsAWrongCRC32() throws {
        var file = try Fixture.bytes("gzip/plain.gz")
        file[file.count - 8] ^= 0x01
        #expect(throws: GzipError.checksumMismatch(expected: 0x30F2_C068, computed: 0x30F2_C069)) {
            try GzipFile.decompress(file, maximumOutputCount: limit)
        }
    }

    @Test func rejectsAWrongLength() throws {
        var file = try Fixture.bytes("gzip/plain.gz")
        file[file.count - 4] &+= 1
        #expect(throws: GzipError.lengthMismatch(expected: 3001, actual: 3000)) {
            try GzipFile.decompress(file, maximumOutputCount: limit)
        }
    }

    @Test func rejectsEveryTruncation() throws {
        let file = try Fixture.bytes("gzip/header-fields.gz")
        for length in 0..<file.count {
            #expect(throws: GzipError.truncated, "prefix of \(length) bytes") {
                try GzipFile.decompress(Array(file.prefix(length)), maximumOutputCount: limit)
            }
        }
    }

    @Test func rejectsDataWithoutTheGzipMagic() throws {
        var file = try Fixture.bytes("gzip/plain.gz")
        file[1] = 0x8C
        #expect(throws: GzipError.invalidMagic) { try GzipFile.decompress(file, maximumOutputCount: limit) }
    }

    @Test func rejectsAHeaderWhoseCRC16IsWrong() throws {
        var file = try Fixture.bytes("gzip/header-fields.gz")
        file[20] ^= 0x20  // inside the file name
        #expect(throws: GzipError.headerChecksumMismatch) { try GzipFile.decompress(file, maximumOutputCount: limit) }
    }

    @Test func rejectsBytesAfterTheLastMember() throws {
        let file = try Fixture.bytes("gzip/plain.gz") + [0, 0, 0]  // the member is 667 bytes
        #expect(throws: GzipError.trailingData(667)) {
            try GzipFile.decompress(file, maximumOutputCount: limit)
        }
    }

    @Test func refusesToDecompressBeyondTheLimit() throws {
        let file = try Fixture.bytes("gzip/two-members.gz")  // 1000 + 1500 bytes
        #expect(throws: GzipError.invalidCompressedData(.outputLimitExceeded(limit: 1499))) {
            try GzipFile.decompress(file, maximumOutputCount: 2499)
        }
    }
}

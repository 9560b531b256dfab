import ExampleTestSupport
import Testing
@testable import ImageCodecs

private let unlimited = Inflater(maximumOutputCount: 1 << 30)

@Suite struct InflaterTests {
    @Test(arguments: Fixture.compressed(under: "inflate"))
    func inflatesPythonZlibOutput(_ fixture: Fixture.Expectation) throws {
        // stored, fixed-Huffman, dynamic-Huffman, mixed blocks, a 32 400-byte match distance, empty
        let output = try unlimited.inflate(Fixture.bytes(fixture.path))
        #expect(output.count == fixture.byteCount, "expected \(fixture.byteCount) bytes, observed \(output.count)")
        #expect(CRC32.checksum(of: output) == fixture.crc32, "CRC-32 of the inflated bytes differs")
    }

    @Test func inflatesAFixedBlockByteForByte() throws {
        // Python: zlib.compressobj(9, zlib.DEFLATED, -15) on b"abc"
        #expect(try unlimited.inflate([0x4B, 0x4C, 0x4A, 0x06, 0x00]) == Array("abc".utf8))
    }

    @Test func reportsWhereTheStreamEnds() throws {
        var output: [UInt8] = []
        let end = try unlimited.inflate([0xEE, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0xEE], from: 1, appendingTo: &output)
        #expect(end == 6)
        #expect(output == Array("abc".utf8))
    }

    @Test func refusesOutputBeyondTheLimit() throws {
        let stream = try Fixture.bytes("inflate/dynamic.deflate")  // inflates to 3000 bytes
        #expect(throws: InflateError.outputLimitExceeded(limit: 2999)) {
            try Inflater(maximumOutputCount: 2999).inflate(stream)
        }
        #expect(try Inflater(maximumOutputCount: 3000).inflate(stream).count == 3000)
    }

    @Test func rejectsEveryTruncationOfADynamicStream() throws {
        let stream = try Fixture.bytes("inflate/dynamic.deflate")
        for length in 0..<stream.count {
            #expect(throws: InflateError.self, "prefix of \(length) bytes") {
                try unlimited.inflate(Array(stream.prefix(length)))
            }
        }
        #expect(throws: InflateError.truncated) { try unlimited.inflate(Array(stream.prefix(stream.count / 2))) }
    }

    @Test func rejectsTheReservedBlockType() {
        // BFINAL = 1, BTYPE = 3
        #expect(throws: InflateError.invalidBlockType) { try unlimited.inflate([0b0000_0111]) }
    }

    @Test func rejectsAStoredBlockWhoseLengthComplementIsWrong() {
        #expect(throws: InflateError.storedLengthMismatch(length: 2, complement: 0xFFFC)) {
            try unlimited.inflate([0b0000_0001, 0x02, 0x00, 0xFC, 0xFF, 0x61, 0x62])
        }
    }

    @Test func rejectsAStoredBlockLongerThanTheInput() {
        #expect(throws: InflateError.truncated) {
            try unlimited.inflate([0b0000_0001, 0x05, 0x00, 0xFA, 0xFF, 0x61, 0x62])
        }
    }

    @Test func rejectsAMatchBeforeTheStartOfTheOutput() {
        var writer = fixedBlockWriter()
        writer.writeFixedSymbol(257)        // match length 3
        writer.write(0, bitCount: 5)        // distance code 0: distance 1, but nothing is output yet
        #expect(throws: InflateError.distanceTooFarBack(distance: 1, available: 0)) {
            try unlimited.inflate(writer.finished)
        }
    }

    @Test func rejectsReservedLiteralLengthAndDistanceSymbols() {
        var literalLength = fixedBlockWriter()
        literalLength.writeFixedSymbol(286)
        #expect(throws: InflateError.reservedSymbol(286)) { try unlimited.inflate(literalLength.finished) }

        var distance = fixedBlockWriter()
        distance.writeFixedSymbol(Int(UInt8(ascii: "a")))
        distance.writeFixedSymbol(257)
        distance.write(DeflateAlphabet.reversed(30, bitCount: 5), bitCount: 5)
        #expect(throws: InflateError.reservedSymbol(30)) { try unlimited.inflate(distance.finished) }
    }

    @Test func rejectsADynamicHeaderWithTooManyCodes() {
        var writer = DeflateBitWriter()
        writer.write(1, bitCount: 1)
        writer.write(2, bitCount: 2)
        writer.write(30, bitCount: 5)       // HLIT: 287 literal/length codes, at most 286 exist
        writer.write(0, bitCount: 5 + 4)
        #expect(throws: InflateError.invalidCodeLengths("287 literal/length codes, at most 286 allowed")) {
            try unlimited.inflate(writer.finished)
        }
    }

    @Test func rejectsOverSubscribedCodeLengths() {
        var writer = DeflateBitWriter()
        writer.write(1, bitCount: 1)
        writer.write(2, bitCount: 2)
        writer.write(0, bitCount: 5 + 5)
        writer.write(0, bitCount: 4)        // 4 code-length codes: symbols 16, 17, 18, 0 …
        for _ in 0..<4 { writer.write(1, bitCount: 3) }  // … all of length 1: four 1-bit codes
        #expect(throws: InflateError.self) { try unlimited.inflate(writer.finished) }
        #expect(throws: InflateError.invalidCodeLengths("the code lengths describe more codes than fit (over-subscribed)")) {
            try unlimited.inflate(writer.finished)
        }
    }
}

// MARK: Helpers

/// A writer positioned after the header of a final fixed-Huffman block.
private func fixedBlockWriter() -> DeflateBitWriter {
    var writer = DeflateBitWriter()
    writer.write(1, bitCount: 1)
    writer.write(1, bitCount: 2)
    return writer
}

private extension DeflateBitWriter {
    mutating func writeFixedSymbol(_ symbol: Int) {
        let codes = DeflateAlphabet.reversedCanonicalCodes(lengths: DeflateAlphabet.fixedLiteralLengthCodeLengths)
        write(Int(codes[symbol]), bitCount: Int(DeflateAlphabet.fixedLiteralLengthCodeLengths[symbol]))
    }

    var finished: [UInt8] {
        var copy = self
        copy.alignToByte()
        return copy.bytes
    }
}

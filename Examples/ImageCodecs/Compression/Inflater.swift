/// Decodes DEFLATE streams (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Every Huffman symbol is decoded with one table lookup (`HuffmanDecodingTable`) from a
/// 64-bit bit buffer; matches are copied within a growing output buffer. The output is
/// capped at `maximumOutputCount` bytes, so a small hostile input cannot claim gigabytes.
///
/// ```swift
/// let inflater = Inflater(maximumOutputCount: 1 << 20)
/// let bytes = try inflater.inflate([0x4B, 0x4C, 0x4A, 0x06, 0x00])  // "abc"
/// ```
///
/// Public for the fuzz target, which feeds it raw DEFLATE data.
public struct Inflater: Sendable {
    /// The most bytes one stream may inflate to.
    public var maximumOutputCount: Int

    /// Creates an inflater whose streams may produce at most `maximumOutputCount` bytes each.
    public init(maximumOutputCount: Int) {
        self.maximumOutputCount = maximumOutputCount
    }

    /// The decoded bytes of the DEFLATE stream that fills `input`; bytes after the final
    /// block are ignored.
    public func inflate(_ input: [UInt8]) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        _ = try inflate(input, from: 0, appendingTo: &output)
        return output
    }

    /// Decodes the DEFLATE stream that starts at `input[start]`, appends its bytes to
    /// `output`, and returns the index of the first byte after the stream.
    func inflate(
        _ input: [UInt8], from start: Int, appendingTo output: inout [UInt8]
    ) throws(InflateError) -> Int {
        guard start >= 0, start < input.count else { throw .truncated }
        var window = InflateOutput(limit: maximumOutputCount, capacity: input.count - start)
        defer { window.deallocate() }
        let end = try input.withUnsafeBufferPointer { (bytes) throws(InflateError) -> Int in
            var reader = DeflateBitReader(UnsafeRawBufferPointer(bytes), position: start)
            do throws(InflateError) {
                try Self.inflateBlocks(from: &reader, into: &window)
            } catch {
                // Past the end the reader supplies zero bits, which may decode as nonsense first.
                throw reader.isPastEnd ? .truncated : error
            }
            return reader.endOfConsumedBytes
        }
        output.append(contentsOf: window.bytes)
        return end
    }

    private static func inflateBlocks(
        from reader: inout DeflateBitReader, into output: inout InflateOutput
    ) throws(InflateError) {
        var isFinalBlock = false
        while !isFinalBlock {
            isFinalBlock = reader.read(1) == 1
            switch reader.read(2) {
            case 0:
                try copyStoredBlock(from: &reader, into: &output)
            case 1:
                try decodeHuffmanBlock(
                    from: &reader, into: &output,
                    literalLengthCode: .fixedLiteralLength, distanceCode: .fixedDistance)
            case 2:
                let (literalLengthCode, distanceCode) = try readDynamicCodes(from: &reader)
                try decodeHuffmanBlock(
                    from: &reader, into: &output,
                    literalLengthCode: literalLengthCode, distanceCode: distanceCode)
            default:
                throw .invalidBlockType
            }
            if reader.isPastEnd { throw .truncated }
        }
    }

    /// Copies a stored block (section 3.2.4): byte-aligned `LEN`, `NLEN`, then `LEN` bytes.
    private static func copyStoredBlock(
        from reader: inout DeflateBitReader, into output: inout InflateOutput
    ) throws(InflateError) {
        let header = reader.alignToByte()
        guard header + 4 <= reader.inputCount else { throw .truncated }
        let length = Int(reader.input[header]) | Int(reader.input[header + 1]) << 8
        let complement = Int(reader.input[header + 2]) | Int(reader.input[header + 3]) << 8
        guard length == ~complement & 0xFFFF else {
            throw .storedLengthMismatch(length: length, complement: complement)
        }
        let start = header + 4
        guard start + length <= reader.inputCount else { throw .truncated }
        try output.append(reader.input[start..<(start + length)])
        reader.skipBytes(4 + length)
    }

    /// Reads a dynamic block's code definitions (section 3.2.7).
    private static func readDynamicCodes(
        from reader: inout DeflateBitReader
    ) throws(InflateError) -> (literalLength: HuffmanDecodingTable, distance: HuffmanDecodingTable) {
        let literalLengthCount = reader.read(5) + 257
        let distanceCount = reader.read(5) + 1
        let codeLengthCount = reader.read(4) + 4
        guard literalLengthCount <= DeflateAlphabet.literalLengthSymbolCount else {
            throw .invalidCodeLengths("\(literalLengthCount) literal/length codes, at most 286 allowed")
        }
        guard distanceCount <= DeflateAlphabet.distanceSymbolCount else {
            throw .invalidCodeLengths("\(distanceCount) distance codes, at most 30 allowed")
        }
        var codeLengthCodeLengths = [UInt8](repeating: 0, count: 19)
        for symbol in DeflateAlphabet.codeLengthOrder.prefix(codeLengthCount) {
            codeLengthCodeLengths[symbol] = UInt8(reader.read(3))
        }
        let codeLengthCode = try HuffmanDecodingTable(
            codeLengths: codeLengthCodeLengths[...], meanings: HuffmanDecodingTable.codeLengthMeanings)

        let totalCount = literalLengthCount + distanceCount
        var lengths: [UInt8] = []
        lengths.reserveCapacity(totalCount)
        while lengths.count < totalCount {
            reader.refill()
            let entry = codeLengthCode.entries[reader.peek(codeLengthCode.indexBitCount)]
            let codeLength = Int(entry & 15)
            guard codeLength > 0 else {
                throw reader.peekIsPastEnd(codeLengthCode.indexBitCount) ? .truncated : .invalidCode
            }
            reader.consume(codeLength)
            let symbol = UInt8(truncatingIfNeeded: entry >> 8)
            let repeated: UInt8
            let repeatCount: Int
            switch symbol {
            case 0...15:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else {
                    throw .invalidCodeLengths("repeat code 16 with no previous length")
                }
                repeated = previous
                repeatCount = 3 + reader.read(2)
            case 17:
                repeated = 0
                repeatCount = 3 + reader.read(3)
            default:
                repeated = 0
                repeatCount = 11 + reader.read(7)
            }
            guard lengths.count + repeatCount <= totalCount else {
                throw .invalidCodeLengths("a repeat code runs past the last symbol")
            }
            lengths.append(contentsOf: repeatElement(repeated, count: repeatCount))
        }
        if reader.isPastEnd { throw .truncated }
        guard lengths[DeflateAlphabet.endOfBlock] > 0 else {
            throw .invalidCodeLengths("no code for the end-of-block symbol")
        }
        let literalLengthCode = try HuffmanDecodingTable(
            codeLengths: lengths[..<literalLengthCount], meanings: HuffmanDecodingTable.literalLengthMeanings)
        let distanceCode = try HuffmanDecodingTable(
            codeLengths: lengths[literalLengthCount...], meanings: HuffmanDecodingTable.distanceMeanings)
        return (literalLengthCode, distanceCode)
    }

    /// Decodes literals and matches up to the end-of-block symbol (section 3.2.5).
    ///
    /// One refill per symbol suffices: a literal/length code, its extra bits, a distance
    /// code and its extra bits take at most 15 + 5 + 15 + 13 = 48 bits.
    private static func decodeHuffmanBlock(
        from reader: inout DeflateBitReader, into output: inout InflateOutput,
        literalLengthCode: HuffmanDecodingTable, distanceCode: HuffmanDecodingTable
    ) throws(InflateError) {
        let literalLengthBits = literalLengthCode.indexBitCount
        let distanceBits = distanceCode.indexBitCount
        try literalLengthCode.entries.withUnsafeBufferPointer { (literalLengths) throws(InflateError) in
            try distanceCode.entries.withUnsafeBufferPointer { (distances) throws(InflateError) in
                while true {
                    reader.refill()
                    if reader.isPastEnd { throw .truncated }
                    let entry = literalLengths[reader.peek(literalLengthBits)]
                    let codeLength = Int(entry & 15)
                    guard codeLength > 0 else {
                        throw reader.peekIsPastEnd(literalLengthBits) ? .truncated : .invalidCode
                    }
                    reader.consume(codeLength)
                    let value = Int((entry >> 8) & 0xFFFF)
                    switch HuffmanDecodingTable.Kind(rawValue: entry >> 24) {
                    case .literal:
                        try output.append(UInt8(truncatingIfNeeded: value))
                        continue
                    case .match:
                        break
                    case .endOfBlock:
                        return
                    case .invalid, nil:
                        throw .reservedSymbol(value)
                    }
                    let length = value + reader.peek(Int((entry >> 4) & 15))
                    reader.consume(Int((entry >> 4) & 15))

                    let distanceEntry = distances[reader.peek(distanceBits)]
                    let distanceCodeLength = Int(distanceEntry & 15)
                    guard distanceCodeLength > 0 else {
                        throw reader.peekIsPastEnd(distanceBits) ? .truncated : .invalidCode
                    }
                    reader.consume(distanceCodeLength)
                    let distanceBase = Int((distanceEntry >> 8) & 0xFFFF)
                    guard distanceEntry >> 24 == HuffmanDecodingTable.Kind.match.rawValue else {
                        throw .reservedSymbol(distanceBase)
                    }
                    let distanceExtraBits = Int((distanceEntry >> 4) & 15)
                    let distance = distanceBase + reader.peek(distanceExtraBits)
                    reader.consume(distanceExtraBits)
                    try output.copyMatch(distance: distance, length: length)
                }
            }
        }
    }
}

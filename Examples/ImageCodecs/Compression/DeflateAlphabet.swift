/// The symbol tables of DEFLATE (RFC 1951, section 3.2.5), shared by `Inflater` and `Deflater`.
///
/// Literal/length symbols 0–255 are bytes, 256 ends a block, 257–285 start a match whose
/// length is `lengthBases[symbol - 257]` plus that many extra bits; distance symbols 0–29
/// likewise give `distanceBases[symbol]` plus extra bits.
enum DeflateAlphabet {
    static let endOfBlock = 256
    static let literalLengthSymbolCount = 286
    static let distanceSymbolCount = 30
    static let maximumMatchLength = 258
    static let windowSize = 32768
    static let maximumCodeLength = 15

    static let lengthBases: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtraBits: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
        3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBases: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtraBits: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order in which a dynamic block header lists the code-length code's lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Code lengths of the fixed literal/length code (section 3.2.6), symbols 0–287.
    static let fixedLiteralLengthCodeLengths: [UInt8] =
        Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
        + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
    /// Code lengths of the fixed distance code: 5 bits for all 32 symbols.
    static let fixedDistanceCodeLengths: [UInt8] = Array(repeating: 5, count: 32)

    /// The canonical Huffman codes for `lengths` (section 3.2.2), bit-reversed so they can
    /// be written least significant bit first; `0` for unused symbols.
    static func reversedCanonicalCodes(lengths: [UInt8]) -> [UInt16] {
        var lengthCounts = [Int](repeating: 0, count: maximumCodeLength + 1)
        for length in lengths where length > 0 { lengthCounts[Int(length)] += 1 }
        var nextCode = [Int](repeating: 0, count: maximumCodeLength + 1)
        var code = 0
        for length in 1...maximumCodeLength {
            code = (code + lengthCounts[length - 1]) << 1
            nextCode[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { nextCode[Int(length)] += 1 }
            return UInt16(reversed(nextCode[Int(length)], bitCount: Int(length)))
        }
    }

    /// The low `bitCount` bits of `code` in reverse order.
    static func reversed(_ code: Int, bitCount: Int) -> Int {
        var result = 0
        for bit in 0..<bitCount where code & (1 << bit) != 0 {
            result |= 1 << (bitCount - 1 - bit)
        }
        return result
    }
}

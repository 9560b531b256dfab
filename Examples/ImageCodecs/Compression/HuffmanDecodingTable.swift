/// A lookup table that decodes one canonical Huffman code in a single step.
///
/// The table has `2^indexBitCount` entries, `indexBitCount` being the longest code length.
/// Entry `i` describes the code that is a prefix of the next `indexBitCount` input bits
/// `i` (read least significant bit first), so decoding is `entries[peek(indexBitCount)]`.
///
/// An entry packs what the symbol means, so the decoder needs no second lookup:
///
///     bits 0–3    code length (0: these bits start no code)
///     bits 4–7    extra bits that follow the code
///     bits 8–23   value: the byte, match length base or distance base
///     bits 24–25  kind (`Kind`)
struct HuffmanDecodingTable: Sendable {
    enum Kind: UInt32 {
        case literal = 0, match = 1, endOfBlock = 2, invalid = 3
    }

    private(set) var entries: [UInt32]
    let indexBitCount: Int

    /// The entry of an unused bit pattern.
    static let noCode = Kind.invalid.rawValue << 24

    /// Builds the table for the code with the given lengths, where symbol `s` decodes
    /// to `meanings[s]` (an entry without its code length).
    ///
    /// Incomplete codes are accepted (their unused bit patterns decode as invalid);
    /// over-subscribed codes, which no prefix code can have, are rejected.
    init(codeLengths: ArraySlice<UInt8>, meanings: [UInt32]) throws(InflateError) {
        var lengthCounts = [Int](repeating: 0, count: DeflateAlphabet.maximumCodeLength + 1)
        for length in codeLengths where length > 0 { lengthCounts[Int(length)] += 1 }
        var unusedCodes = 1
        for length in 1...DeflateAlphabet.maximumCodeLength {
            unusedCodes = unusedCodes * 2 - lengthCounts[length]
            if unusedCodes < 0 {
                throw .invalidCodeLengths("the code lengths describe more codes than fit (over-subscribed)")
            }
        }
        indexBitCount = Int(codeLengths.max() ?? 0)
        entries = [UInt32](repeating: Self.noCode, count: 1 << indexBitCount)
        let codes = DeflateAlphabet.reversedCanonicalCodes(lengths: Array(codeLengths))
        for (symbol, length) in zip(0..., codeLengths) where length > 0 {
            let entry = meanings[symbol] | UInt32(length)
            for index in stride(from: Int(codes[symbol]), to: entries.count, by: 1 << Int(length)) {
                entries[index] = entry
            }
        }
    }

    /// The entry of a symbol of the given kind.
    static func meaning(_ kind: Kind, value: Int = 0, extraBitCount: Int = 0) -> UInt32 {
        kind.rawValue << 24 | UInt32(value) << 8 | UInt32(extraBitCount) << 4
    }

    /// Meanings of the literal/length symbols 0–287.
    static let literalLengthMeanings: [UInt32] = (0..<288).map { symbol in
        switch symbol {
        case ..<256: meaning(.literal, value: symbol)
        case 256: meaning(.endOfBlock)
        case 257...285:
            meaning(.match, value: DeflateAlphabet.lengthBases[symbol - 257],
                    extraBitCount: DeflateAlphabet.lengthExtraBits[symbol - 257])
        default: meaning(.invalid, value: symbol)
        }
    }

    /// Meanings of the distance symbols 0–31.
    static let distanceMeanings: [UInt32] = (0..<32).map { symbol in
        symbol < DeflateAlphabet.distanceSymbolCount
            ? meaning(.match, value: DeflateAlphabet.distanceBases[symbol],
                      extraBitCount: DeflateAlphabet.distanceExtraBits[symbol])
            : meaning(.invalid, value: symbol)
    }

    /// Meanings of the code-length code's symbols 0–18: the symbol itself.
    static let codeLengthMeanings: [UInt32] = (0..<19).map { meaning(.literal, value: $0) }

    /// The fixed literal/length code of section 3.2.6.
    static let fixedLiteralLength = try! HuffmanDecodingTable(
        codeLengths: DeflateAlphabet.fixedLiteralLengthCodeLengths[...], meanings: literalLengthMeanings)
    /// The fixed distance code of section 3.2.6.
    static let fixedDistance = try! HuffmanDecodingTable(
        codeLengths: DeflateAlphabet.fixedDistanceCodeLengths[...], meanings: distanceMeanings)
}

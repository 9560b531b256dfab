/// Why a DEFLATE stream could not be decoded.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ends before the final block does.
    case truncated
    /// A block header has the reserved block type 3.
    case invalidBlockType
    /// A stored block's length and its one's complement disagree.
    case storedLengthMismatch(length: Int, complement: Int)
    /// A dynamic block's code lengths do not describe a usable code.
    case invalidCodeLengths(String)
    /// The input bits are no code of the block's Huffman code.
    case invalidCode
    /// A literal/length symbol 286–287 or a distance symbol 30–31, which are reserved.
    case reservedSymbol(Int)
    /// A match refers to bytes before the start of the output.
    case distanceTooFarBack(distance: Int, available: Int)
    /// The output would grow beyond the caller's limit.
    case outputLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .truncated:
            "DEFLATE data is truncated: the input ends before the final block"
        case .invalidBlockType:
            "DEFLATE block has the reserved type 3"
        case let .storedLengthMismatch(length, complement):
            "DEFLATE stored block length \(length) does not match its complement \(complement)"
        case let .invalidCodeLengths(reason):
            "DEFLATE block has invalid Huffman code lengths: \(reason)"
        case .invalidCode:
            "DEFLATE data contains a bit sequence that is no Huffman code of its block"
        case let .reservedSymbol(symbol):
            "DEFLATE data uses the reserved symbol \(symbol)"
        case let .distanceTooFarBack(distance, available):
            "DEFLATE match distance \(distance) reaches before the start of the output (\(available) bytes so far)"
        case let .outputLimitExceeded(limit):
            "DEFLATE data inflates to more than the allowed \(limit) bytes"
        }
    }
}

/// Why bytes could not be decoded as a PNG image.
public enum PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read from disk.
    case unreadableFile(path: String, reason: String)
    /// The data does not start with the eight-byte PNG signature.
    case invalidSignature
    /// The data ends inside a chunk or before the IEND chunk.
    case truncated
    /// A chunk type is not four ASCII letters.
    case invalidChunkType([UInt8])
    /// A chunk length exceeds 2³¹ − 1.
    case invalidChunkLength(chunk: String, length: Int)
    /// A chunk's stored CRC-32 does not match its type and data.
    case chunkChecksumMismatch(chunk: String)
    /// The first chunk is not IHDR, or IHDR appears twice.
    case missingHeader
    /// IHDR holds an impossible size, colour type, bit depth or method.
    case invalidHeader(String)
    /// The image has more pixels than the decoder allows.
    case imageTooLarge(width: Int, height: Int, maximumPixelCount: Int)
    /// The image data, at the image's size and bit depth, would inflate beyond the decoder's budget.
    case imageDataTooLarge(byteCount: Int, maximum: Int)
    /// A chunk the decoder must understand (its type starts with a capital) is unknown.
    case unsupportedCriticalChunk(String)
    /// A palette image has no PLTE chunk before its image data.
    case missingPalette
    /// PLTE is repeated, has a bad length, does not fit the bit depth, or is in a greyscale image.
    case invalidPalette(String)
    /// tRNS has the wrong length for the colour type, or the colour type has alpha already.
    case invalidTransparency(String)
    /// The image has no IDAT chunk.
    case missingImageData
    /// The IDAT chunks are no valid zlib stream, or inflate beyond the image's size.
    case invalidImageData(ZlibError)
    /// The IDAT chunks inflate to fewer bytes than the image needs.
    case imageDataTooShort(expected: Int, actual: Int)
    /// A scanline starts with a filter type other than 0–4.
    case invalidFilterType(UInt8)
    /// A pixel uses a palette entry that the PLTE chunk does not have.
    case paletteIndexOutOfRange(index: Int, paletteCount: Int)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason): "cannot read PNG file \(path): \(reason)"
        case .invalidSignature: "not a PNG file: the PNG signature is missing"
        case .truncated: "PNG data is truncated"
        case let .invalidChunkType(bytes): "PNG chunk type \(bytes) is not four letters"
        case let .invalidChunkLength(chunk, length): "PNG chunk \(chunk) claims an impossible length \(length)"
        case let .chunkChecksumMismatch(chunk): "PNG chunk \(chunk) is corrupt: CRC-32 mismatch"
        case .missingHeader: "PNG data does not start with exactly one IHDR chunk"
        case let .invalidHeader(reason): "PNG header is invalid: \(reason)"
        case let .imageTooLarge(width, height, maximum):
            "PNG image of \(width)×\(height) pixels exceeds the limit of \(maximum) pixels"
        case let .imageDataTooLarge(count, maximum):
            "PNG image data of \(count) bytes exceeds the limit of \(maximum) bytes; send fewer pixels or 8-bit samples"
        case let .unsupportedCriticalChunk(type): "PNG uses the unknown critical chunk \(type)"
        case .missingPalette: "PNG palette image has no PLTE chunk"
        case let .invalidPalette(reason): "PNG palette is invalid: \(reason)"
        case let .invalidTransparency(reason): "PNG tRNS chunk is invalid: \(reason)"
        case .missingImageData: "PNG has no IDAT chunk"
        case let .invalidImageData(error): "PNG image data is corrupt: \(error)"
        case let .imageDataTooShort(expected, actual):
            "PNG image data inflates to \(actual) bytes, the image needs \(expected)"
        case let .invalidFilterType(type): "PNG scanline has unknown filter type \(type)"
        case let .paletteIndexOutOfRange(index, count): "PNG pixel uses palette entry \(index) of \(count)"
        }
    }
}

/// Reads and writes zlib streams (RFC 1950), the wrapper of PNG image data: a two-byte
/// header, DEFLATE data and the big-endian Adler-32 of the uncompressed bytes.
///
/// ```swift
/// let stream = ZlibStream.compress(Array("hello".utf8))
/// let bytes = try ZlibStream.decompress(stream, maximumOutputCount: 5)  // "hello"
/// ```
enum ZlibStream {
    /// The uncompressed bytes of the zlib stream that fills `bytes`, refusing to produce
    /// more than `maximumOutputCount` of them.
    public static func decompress(_ bytes: [UInt8], maximumOutputCount: Int) throws(ZlibError) -> [UInt8] {
        guard bytes.count >= 2 else { throw .truncated }
        let methodAndWindow = bytes[0]
        let flags = bytes[1]
        guard (Int(methodAndWindow) << 8 | Int(flags)) % 31 == 0 else { throw .invalidHeader }
        guard methodAndWindow & 0x0F == 8, methodAndWindow >> 4 <= 7 else {
            throw .unsupportedCompressionMethod(methodAndWindow)
        }
        guard flags & 0x20 == 0 else { throw .presetDictionaryNotSupported }

        var output: [UInt8] = []
        let trailerStart: Int
        do {
            trailerStart = try Inflater(maximumOutputCount: maximumOutputCount)
                .inflate(bytes, from: 2, appendingTo: &output)
        } catch {
            throw error == .truncated ? .truncated : .invalidCompressedData(error)
        }
        guard trailerStart + 4 <= bytes.count else { throw .truncated }
        let stored = bytes[trailerStart..<(trailerStart + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        let computed = Adler32.checksum(of: output)
        guard stored == computed else { throw .checksumMismatch(expected: stored, computed: computed) }
        return output
    }

    /// A zlib stream holding `bytes`, compressed by `Deflater`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let header: [UInt8] = [0x78, 0x01]  // DEFLATE, 32 KiB window; 0x7801 is a multiple of 31
        let checksum = Adler32.checksum(of: bytes)
        return header + Deflater.deflate(bytes) + (0..<4).map { UInt8(truncatingIfNeeded: checksum >> (24 - 8 * $0)) }
    }
}

/// Why a zlib stream could not be decompressed.
public enum ZlibError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The two header bytes are not a multiple of 31, so this is no zlib stream.
    case invalidHeader
    /// The method is not DEFLATE with a window of at most 32 KiB.
    case unsupportedCompressionMethod(UInt8)
    /// The stream needs a preset dictionary (`FDICT`), which PNG never uses.
    case presetDictionaryNotSupported
    /// The stream ends before its Adler-32 trailer.
    case truncated
    /// The compressed data is not valid DEFLATE (or inflates beyond the limit).
    case invalidCompressedData(InflateError)
    /// The Adler-32 of the decompressed bytes differs from the trailer's.
    case checksumMismatch(expected: UInt32, computed: UInt32)

    public var description: String {
        switch self {
        case .invalidHeader: "not a zlib stream: header check bits are wrong"
        case let .unsupportedCompressionMethod(byte): "zlib compression method byte \(byte) is not DEFLATE with a 32 KiB window"
        case .presetDictionaryNotSupported: "zlib stream needs a preset dictionary, which is not supported"
        case .truncated: "zlib stream is truncated"
        case let .invalidCompressedData(error): "zlib stream has invalid compressed data: \(error)"
        case let .checksumMismatch(expected, computed):
            "zlib Adler-32 mismatch: trailer says \(expected), data has \(computed)"
        }
    }
}

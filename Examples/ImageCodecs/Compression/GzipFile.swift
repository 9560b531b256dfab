/// Reads and writes gzip files (RFC 1952): DEFLATE data wrapped in a header and a
/// CRC-32 plus length trailer.
///
/// Reading accepts the optional header fields (`FEXTRA`, `FNAME`, `FCOMMENT`, `FHCRC`,
/// whose header CRC is checked) and several concatenated members, whose contents are
/// joined, as `gunzip` does.
///
/// ```swift
/// let packed = GzipFile.compress(Array("hello".utf8))
/// let bytes = try GzipFile.decompress(packed, maximumOutputCount: 1 << 20)  // "hello"
/// ```
public enum GzipFile {
    /// The first two bytes of every gzip member.
    public static let magic: [UInt8] = [0x1F, 0x8B]

    private enum Flag {
        static let headerCRC: UInt8 = 1 << 1
        static let extra: UInt8 = 1 << 2
        static let name: UInt8 = 1 << 3
        static let comment: UInt8 = 1 << 4
        static let reserved: UInt8 = 0b1110_0000
    }

    /// Whether `bytes` start with the gzip magic number.
    public static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: magic)
    }

    /// The decompressed contents of the gzip members that fill `bytes`, at most
    /// `maximumOutputCount` bytes in total.
    public static func decompress(_ bytes: [UInt8], maximumOutputCount: Int) throws(GzipError) -> [UInt8] {
        var output: [UInt8] = []
        var memberStart = 0
        repeat {
            memberStart = try decompressMember(
                bytes, from: memberStart, appendingTo: &output, maximumOutputCount: maximumOutputCount)
        } while memberStart < bytes.count
        return output
    }

    /// Decodes the member at `bytes[start]` onto `output`; returns where the next member starts.
    private static func decompressMember(
        _ bytes: [UInt8], from start: Int, appendingTo output: inout [UInt8], maximumOutputCount: Int
    ) throws(GzipError) -> Int {
        guard bytes.count - start >= 18 else { throw start == 0 ? .truncated : .trailingData(start) }
        guard bytes[start] == magic[0], bytes[start + 1] == magic[1] else {
            throw start == 0 ? .invalidMagic : .trailingData(start)
        }
        guard bytes[start + 2] == 8 else { throw .unsupportedCompressionMethod(bytes[start + 2]) }
        let flags = bytes[start + 3]
        guard flags & Flag.reserved == 0 else { throw .reservedFlagsSet(flags) }

        var position = start + 10
        if flags & Flag.extra != 0 {
            guard position + 2 <= bytes.count else { throw .truncated }
            position += 2 + (Int(bytes[position]) | Int(bytes[position + 1]) << 8)
        }
        if flags & Flag.name != 0 { position = try endOfZeroTerminatedField(in: bytes, from: position) }
        if flags & Flag.comment != 0 { position = try endOfZeroTerminatedField(in: bytes, from: position) }
        if flags & Flag.headerCRC != 0 {
            guard position + 2 <= bytes.count else { throw .truncated }
            let stored = UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
            let computed = UInt16(truncatingIfNeeded: CRC32.checksum(of: bytes[start..<position]))
            guard stored == computed else { throw .headerChecksumMismatch }
            position += 2
        }
        guard position < bytes.count else { throw .truncated }

        let memberOutputStart = output.count
        let inflater = Inflater(maximumOutputCount: maximumOutputCount - output.count)
        let trailerStart: Int
        do {
            trailerStart = try inflater.inflate(bytes, from: position, appendingTo: &output)
        } catch {
            throw error == .truncated ? .truncated : .invalidCompressedData(error)
        }
        guard trailerStart + 8 <= bytes.count else { throw .truncated }
        let storedCRC = littleEndianUInt32(bytes, at: trailerStart)
        let storedCount = littleEndianUInt32(bytes, at: trailerStart + 4)
        let member = output[memberOutputStart...]
        let computedCRC = CRC32.checksum(of: member)
        guard storedCRC == computedCRC else {
            throw .checksumMismatch(expected: storedCRC, computed: computedCRC)
        }
        guard storedCount == UInt32(truncatingIfNeeded: member.count) else {
            throw .lengthMismatch(expected: storedCount, actual: member.count)
        }
        return trailerStart + 8
    }

    /// A gzip file holding `bytes`, compressed by `Deflater`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let operatingSystemUnknown: UInt8 = 255
        var file: [UInt8] = magic + [8, 0, 0, 0, 0, 0, 0, operatingSystemUnknown]
        file += Deflater.deflate(bytes)
        for value in [CRC32.checksum(of: bytes), UInt32(truncatingIfNeeded: bytes.count)] {
            file += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        return file
    }

    private static func endOfZeroTerminatedField(in bytes: [UInt8], from start: Int) throws(GzipError) -> Int {
        guard let zero = bytes[min(start, bytes.count)...].firstIndex(of: 0) else { throw .truncated }
        return zero + 1
    }

    private static func littleEndianUInt32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        (0..<4).reduce(0) { value, offset in value | UInt32(bytes[index + offset]) << (8 * offset) }
    }
}

/// Why gzip data could not be decompressed.
public enum GzipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data does not start with `1F 8B`.
    case invalidMagic
    /// The compression method is not 8 (DEFLATE).
    case unsupportedCompressionMethod(UInt8)
    /// Flag bits 5–7, reserved by RFC 1952, are set.
    case reservedFlagsSet(UInt8)
    /// The data ends inside a header, the compressed data or the trailer.
    case truncated
    /// The header's CRC-16 (`FHCRC`) does not match the header.
    case headerChecksumMismatch
    /// The compressed data is not valid DEFLATE.
    case invalidCompressedData(InflateError)
    /// The CRC-32 of the decompressed bytes differs from the trailer's.
    case checksumMismatch(expected: UInt32, computed: UInt32)
    /// The decompressed length (mod 2³²) differs from the trailer's `ISIZE`.
    case lengthMismatch(expected: UInt32, actual: Int)
    /// Bytes follow the last member that are not another gzip member.
    case trailingData(Int)

    public var description: String {
        switch self {
        case .invalidMagic: "not gzip data: it does not start with 1F 8B"
        case let .unsupportedCompressionMethod(method): "gzip compression method \(method) is not DEFLATE (8)"
        case let .reservedFlagsSet(flags): "gzip header has reserved flag bits set (flags \(flags))"
        case .truncated: "gzip data is truncated"
        case .headerChecksumMismatch: "gzip header CRC-16 does not match the header"
        case let .invalidCompressedData(error): "gzip member has invalid compressed data: \(error)"
        case let .checksumMismatch(expected, computed):
            "gzip CRC-32 mismatch: trailer says \(hex(expected)), data has \(hex(computed))"
        case let .lengthMismatch(expected, actual):
            "gzip length mismatch: trailer says \(expected) bytes, data has \(actual)"
        case let .trailingData(offset): "gzip data has trailing bytes that are not a gzip member, at offset \(offset)"
        }
    }

    private func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16, uppercase: true) }
}

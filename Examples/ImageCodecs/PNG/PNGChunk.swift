/// A PNG chunk: a four-letter type and its data, framed by a big-endian length and a
/// CRC-32 of type and data (PNG specification, section 5.3).
struct PNGChunk {
    /// The type, such as `IHDR` or `IDAT`.
    var type: String
    var data: ArraySlice<UInt8>

    /// Whether a decoder must understand the chunk: its type starts with a capital letter.
    var isCritical: Bool { type.first?.isUppercase ?? true }

    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Reads the chunk at `bytes[start]`, checking its CRC; returns it and where the next starts.
    static func read(from bytes: [UInt8], at start: Int) throws(PNGError) -> (chunk: PNGChunk, next: Int) {
        guard bytes.count - start >= 12 else { throw .truncated }
        let length = bytes[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
        let typeBytes = bytes[(start + 4)..<(start + 8)]
        guard typeBytes.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else {
            throw .invalidChunkType(Array(typeBytes))
        }
        let type = String(decoding: typeBytes, as: UTF8.self)
        guard length <= Int(Int32.max) else { throw .invalidChunkLength(chunk: type, length: length) }
        let dataEnd = start + 8 + length
        guard dataEnd + 4 <= bytes.count else { throw .truncated }
        let stored = bytes[dataEnd..<(dataEnd + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let computed = CRC32.checksum(of: bytes[(start + 4)..<dataEnd])
        guard stored == computed else { throw .chunkChecksumMismatch(chunk: type) }
        return (PNGChunk(type: type, data: bytes[(start + 8)..<dataEnd]), dataEnd + 4)
    }

    /// The chunk's bytes: length, type, data and CRC.
    var encoded: [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return Self.bigEndian(UInt32(data.count)) + typeAndData + Self.bigEndian(CRC32.checksum(of: typeAndData))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }
}

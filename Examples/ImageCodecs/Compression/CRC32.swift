/// The CRC-32 checksum of gzip, PNG and zip: IEEE 802.3 polynomial, bit-reflected
/// (`0xEDB88320`), initial value and final XOR `0xFFFFFFFF`.
///
/// Computed a byte at a time through a 256-entry table.
///
/// ```swift
/// CRC32.checksum(of: Array("123456789".utf8))  // 0xCBF4_3926
/// var crc = CRC32()
/// crc.update(with: Array("1234".utf8))
/// crc.update(with: Array("56789".utf8))
/// crc.value                                   // 0xCBF4_3926
/// ```
public struct CRC32: RunningChecksum, Sendable {
    /// The checksum of all bytes seen so far (`0` before any).
    public var value: UInt32 { ~register }

    private var register: UInt32 = 0xFFFF_FFFF

    /// Creates a checksum of no bytes.
    public init() {}

    /// Extends the checksum with the bytes in `buffer`.
    public mutating func update(with buffer: UnsafeRawBufferPointer) {
        var crc = register
        Self.table.withUnsafeBufferPointer { table in
            for byte in buffer {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        register = crc
    }

    /// `table[n]` is the CRC register contribution of the byte `n`.
    private static let table: [UInt32] = (0..<256).map { byte in
        var value = UInt32(byte)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}

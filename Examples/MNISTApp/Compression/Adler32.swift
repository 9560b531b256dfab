/// The Adler-32 checksum of zlib streams (RFC 1950, section 8.2): two running sums
/// modulo 65521, `a = 1 + Σ byte` and `b = Σ a`, packed as `b << 16 | a`.
///
/// ```swift
/// Adler32.checksum(of: Array("Wikipedia".utf8))  // 0x11E6_0398
/// ```
public struct Adler32: Sendable {
    /// The checksum of all bytes seen so far (`1` before any).
    public var value: UInt32 { b << 16 | a }

    private var a: UInt32 = 1
    private var b: UInt32 = 0

    /// The largest prime below 2¹⁶.
    private static let modulus: UInt32 = 65521
    /// The most bytes that can be summed before `b` could overflow 32 bits (zlib's `NMAX`).
    private static let bytesBetweenReductions = 5552

    /// Creates a checksum of no bytes.
    public init() {}

    /// The checksum of `bytes`.
    public static func checksum(of bytes: some Sequence<UInt8>) -> UInt32 {
        var adler = Adler32()
        adler.update(with: bytes)
        return adler.value
    }

    /// Extends the checksum with `bytes`, as if they followed the bytes seen so far.
    public mutating func update(with bytes: some Sequence<UInt8>) {
        let usedContiguousStorage: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(with: UnsafeRawBufferPointer(buffer))
        }
        if usedContiguousStorage == nil {
            update(with: Array(bytes))
        }
    }

    /// Extends the checksum with the bytes in `buffer`.
    public mutating func update(with buffer: UnsafeRawBufferPointer) {
        var start = 0
        while start < buffer.count {
            let end = min(start + Self.bytesBetweenReductions, buffer.count)
            for byte in buffer[start..<end] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= Self.modulus
            b %= Self.modulus
            start = end
        }
    }
}

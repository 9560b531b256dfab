/// The Adler-32 checksum of zlib streams (RFC 1950, section 8.2): two running sums
/// modulo 65521, `a = 1 + Σ byte` and `b = Σ a`, packed as `b << 16 | a`.
///
/// ```swift
/// Adler32.checksum(of: Array("Wikipedia".utf8))  // 0x11E6_0398
/// ```
struct Adler32: RunningChecksum, Sendable {
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

    /// Extends the checksum with the bytes in `buffer`.
    public mutating func update(with buffer: UnsafeRawBufferPointer) {
        var start = 0
        while start < buffer.count {
            let end = min(start + Self.bytesBetweenReductions, buffer.count)
            let wholeChunksEnd = start + (end - start) / 16 * 16
            addChunks(of: buffer, from: start, to: wholeChunksEnd)
            for byte in buffer[wholeChunksEnd..<end] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= Self.modulus
            b %= Self.modulus
            start = end
        }
    }

    /// Adds `buffer[start..<end]`, a whole number of 16-byte chunks, 16 bytes at a time.
    ///
    /// Over `n` bytes `x₀ … xₙ₋₁`, `a` grows by `Σ xᵢ` and `b` by `n·a + Σ (n − i)·xᵢ`: byte `i`
    /// is in every later `a`. With byte `i = 16k + j` in lane `j` of chunk `k`, and `Lⱼ` and `Pⱼ`
    /// the lane's sum and the sum of its sums before each chunk, `Σ (n − i)·xᵢ` is
    /// `Σⱼ (16·Pⱼ + (16 − j)·Lⱼ)`. Below `bytesBetweenReductions` bytes no lane overflows.
    private mutating func addChunks(of buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard end > start else { return }
        var laneSums = SIMD16<UInt32>()
        var earlierLaneSums = SIMD16<UInt32>()
        for offset in stride(from: start, to: end, by: 16) {
            earlierLaneSums &+= laneSums
            laneSums &+= SIMD16<UInt32>(truncatingIfNeeded: buffer.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self))
        }
        let weights = SIMD16<UInt32>(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
        let count = UInt64(end - start)
        let bGrowth = count * UInt64(a) + 16 * UInt64(earlierLaneSums.wrappedSum()) + UInt64((weights &* laneSums).wrappedSum())
        b = UInt32((UInt64(b) + bGrowth) % UInt64(Self.modulus))
        a = UInt32((UInt64(a) + UInt64(laneSums.wrappedSum())) % UInt64(Self.modulus))
    }
}

/// Writes bits into bytes, least significant bit first, as DEFLATE packs them.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var bitCount = 0

    /// Appends the low `count` bits of `value` (at most 32).
    mutating func write(_ value: Int, bitCount count: Int) {
        buffer |= (UInt64(truncatingIfNeeded: value) & ((1 << UInt64(count)) - 1)) << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bitCount -= 8
        }
    }

    /// Pads with zero bits to the next byte boundary.
    mutating func alignToByte() {
        if bitCount > 0 { write(0, bitCount: 8 - bitCount) }
    }

    /// Appends whole bytes; call only at a byte boundary.
    mutating func append(_ newBytes: ArraySlice<UInt8>) {
        bytes.append(contentsOf: newBytes)
    }
}

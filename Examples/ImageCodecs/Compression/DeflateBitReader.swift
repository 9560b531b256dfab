/// Reads a DEFLATE stream's bits, least significant bit of each byte first, through a
/// 64-bit buffer refilled eight bytes at a time.
///
/// Reading past the end of the input yields zero bits instead of trapping; `isPastEnd`
/// then tells that the stream was truncated.
struct DeflateBitReader {
    /// The whole input; reading starts at the `position` given to `init`.
    let input: UnsafeRawBufferPointer
    /// The index of the next byte to move into `buffer` (may pass `input.count`).
    private(set) var position: Int
    /// Unconsumed bits in the low `bitCount` bits; the bits above are zero or the stream's next bits.
    private(set) var buffer: UInt64 = 0
    private(set) var bitCount = 0

    init(_ bytes: UnsafeRawBufferPointer, position: Int) {
        self.input = bytes
        self.position = position
    }

    var inputCount: Int { input.count }

    /// Whether more bits were consumed than the input holds.
    var isPastEnd: Bool { position * 8 - bitCount > input.count * 8 }

    /// Whether peeking `count` more bits looks past the end of the input.
    func peekIsPastEnd(_ count: Int) -> Bool { position * 8 - bitCount + count > input.count * 8 }

    /// The index of the byte after the last partly consumed one.
    var endOfConsumedBytes: Int { (position * 8 - bitCount + 7) / 8 }

    /// Fills the buffer to at least 56 bits.
    @inline(__always)
    mutating func refill() {
        if position + 8 <= input.count {
            let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            buffer |= word &<< UInt64(bitCount)
            position += (63 - bitCount) >> 3
            bitCount |= 56
        } else {
            while bitCount <= 56 {
                if position < input.count {
                    buffer |= UInt64(input[position]) &<< UInt64(bitCount)
                }
                position += 1
                bitCount += 8
            }
        }
    }

    /// The next `count` bits (at most 56, and at most `bitCount`) without consuming them.
    @inline(__always)
    func peek(_ count: Int) -> Int {
        Int(truncatingIfNeeded: buffer & ((1 &<< UInt64(count)) &- 1))
    }

    @inline(__always)
    mutating func consume(_ count: Int) {
        buffer &>>= UInt64(count)
        bitCount -= count
    }

    /// Consumes and returns the next `count` bits (at most 32), refilling as needed.
    mutating func read(_ count: Int) -> Int {
        if bitCount < count { refill() }
        defer { consume(count) }
        return peek(count)
    }

    /// Drops the bits up to the next byte boundary and empties the buffer; returns the
    /// index of the next unread byte.
    mutating func alignToByte() -> Int {
        consume(bitCount % 8)
        position -= bitCount / 8
        buffer = 0
        bitCount = 0
        return position
    }

    /// Skips `count` whole bytes; call only after `alignToByte()`.
    mutating func skipBytes(_ count: Int) {
        position += count
    }
}

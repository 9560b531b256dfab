/// A checksum computed over bytes that arrive in pieces (``CRC32``, ``Adler32``):
/// each supplies its start value and how one buffer extends it; feeding any
/// sequence of bytes and the one-shot ``checksum(of:)`` are written here once.
public protocol RunningChecksum {
    /// A checksum of no bytes.
    init()
    /// The checksum of all bytes seen so far.
    var value: UInt32 { get }
    /// Extends the checksum with the bytes in `buffer`.
    mutating func update(with buffer: UnsafeRawBufferPointer)
}

extension RunningChecksum {
    /// The checksum of `bytes`.
    public static func checksum(of bytes: some Sequence<UInt8>) -> UInt32 {
        var checksum = Self()
        checksum.update(with: bytes)
        return checksum.value
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
}

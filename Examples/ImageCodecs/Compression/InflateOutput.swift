/// The growing output of one DEFLATE stream, which is also the window that matches copy from.
///
/// Capacity doubles as needed but never exceeds `limit`; asking for more throws
/// `InflateError.outputLimitExceeded`. The owner calls `deallocate()` when done.
struct InflateOutput {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    let limit: Int

    init(limit: Int, capacity: Int) {
        self.limit = max(limit, 0)
        self.capacity = min(self.limit, max(capacity * 4, 1 << 12))
        start = .allocate(capacity: max(self.capacity, 1))
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    func deallocate() { start.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) throws(InflateError) {
        if count == capacity { try grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer.SubSequence) throws(InflateError) {
        if count + bytes.count > capacity { try grow(toHold: count + bytes.count) }
        UnsafeMutableRawBufferPointer(start: start + count, count: bytes.count).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes))
        count += bytes.count
    }

    /// Appends `length` bytes copied from `distance` bytes back; the source may overlap
    /// the bytes being written, which repeats the last `distance` bytes.
    @inline(__always)
    mutating func copyMatch(distance: Int, length: Int) throws(InflateError) {
        guard distance <= count else { throw .distanceTooFarBack(distance: distance, available: count) }
        if count + length > capacity { try grow(toHold: count + length) }
        let destination = start + count
        let source = destination - distance
        if distance >= length {
            destination.update(from: source, count: length)
        } else if distance == 1 {
            destination.update(repeating: source.pointee, count: length)
        } else {
            for index in 0..<length { destination[index] = source[index] }
        }
        count += length
    }

    private mutating func grow(toHold needed: Int) throws(InflateError) {
        guard needed <= limit else { throw .outputLimitExceeded(limit: limit) }
        let newCapacity = min(limit, max(needed, capacity * 2))
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.moveInitialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}

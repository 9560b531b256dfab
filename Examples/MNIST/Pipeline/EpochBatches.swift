/// The batches of one epoch, in order, as a sequence; see ``BatchLoader/batches(forEpoch:prefetchCount:)``.
/// Iterate it once. Stopping early cancels the background preparation.
public struct EpochBatches: Sequence, IteratorProtocol {
    /// The number of batches in the epoch.
    public let count: Int
    private var nextIndex = 0
    private let prepare: @Sendable (Int) -> Batch
    private let queue: PrefetchQueue<Batch>?

    init(loader: BatchLoader, epoch: Int, order: [Int], prefetchCount: Int) {
        precondition(prefetchCount >= 0, "batches(forEpoch:prefetchCount:): prefetch count must not be negative")
        count = loader.batchCount
        prepare = { loader.makeBatch($0, epoch: epoch, order: order) }
        queue = prefetchCount > 0 ? PrefetchQueue(count: count, capacity: prefetchCount, produce: prepare) : nil
    }

    public mutating func next() -> Batch? {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        if let queue { return queue.next() }
        return prepare(nextIndex)
    }
}

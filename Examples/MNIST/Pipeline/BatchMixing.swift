/// How a ``BatchLoader`` mixes a small set into every batch of a large one, for
/// fine-tuning on a few hundred corrections without forgetting MNIST.
///
/// The loader's dataset is the large set (indices `0..<baseCount`) followed by the
/// small one (`baseCount..<baseCount + mixedCount`). An epoch visits the large set
/// once, in a seeded shuffle, `batchSize - mixedPerBatch` examples per batch; each
/// batch then takes `mixedPerBatch` examples of the small set, drawn from seeded
/// shuffles of it one after another, so small-set examples recur as evenly as they can.
///
///     mixing = BatchMixing(baseCount: 60_000, mixedCount: 40, batchSize: 128, fraction: 0.25)
///     mixing.mixedPerBatch                   // 32: each batch is 96 MNIST + 32 feedback
///     mixing.batchCount(batchSize: 128)      // 625 = ⌈60000 / 96⌉
public struct BatchMixing: Sendable, Equatable {
    /// The examples of the large set, at the start of the dataset.
    public let baseCount: Int
    /// The examples of the small set, after the large one.
    public let mixedCount: Int
    /// How many examples of the small set each batch holds.
    public let mixedPerBatch: Int

    /// Mixes `fraction` of every batch of `batchSize` from the small set: at least one
    /// example, and at least one from the large set.
    public init(baseCount: Int, mixedCount: Int, batchSize: Int, fraction: Double) {
        precondition(baseCount > 0 && mixedCount > 0, "BatchMixing: both sets must hold examples")
        precondition(batchSize >= 2 && (0...1).contains(fraction), "BatchMixing: batch size 2 or more, fraction in [0, 1]")
        self.baseCount = baseCount
        self.mixedCount = mixedCount
        self.mixedPerBatch = min(max(Int((Double(batchSize) * fraction).rounded()), 1), batchSize - 1)
    }

    /// The number of batches in an epoch: enough to visit the large set once.
    public func batchCount(batchSize: Int) -> Int {
        let basePerBatch = batchSize - mixedPerBatch
        return (baseCount + basePerBatch - 1) / basePerBatch
    }

    /// The dataset indices of `epoch`, batch after batch: every batch but the last holds
    /// exactly `batchSize` indices, the large set's first.
    public func order(forEpoch epoch: Int, batchSize: Int, seed: UInt64) -> [Int] {
        let basePerBatch = batchSize - mixedPerBatch
        let base = EpochOrder.shuffled(count: baseCount, seed: seed, epoch: epoch)
        let mixedSeed = SeedDerivation.seed(seed, for: .mixing, at: [epoch])
        var mixed: [Int] = []
        var cycle = 0
        var order: [Int] = []
        order.reserveCapacity(baseCount + batchCount(batchSize: batchSize) * mixedPerBatch)
        for start in stride(from: 0, to: baseCount, by: basePerBatch) {
            order += base[start..<min(start + basePerBatch, baseCount)]
            while mixed.count < mixedPerBatch {
                mixed += EpochOrder.shuffled(count: mixedCount, seed: mixedSeed, epoch: cycle).map { baseCount + $0 }
                cycle += 1
            }
            order += mixed.prefix(mixedPerBatch)
            mixed.removeFirst(mixedPerBatch)
        }
        return order
    }
}

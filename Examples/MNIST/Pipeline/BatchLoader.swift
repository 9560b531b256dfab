import NumSight

/// Cuts a dataset into batches for one epoch: in a seeded order (or in order),
/// scaled to [0, 1] as `[batch, 28, 28, 1]` tensors, optionally augmented.
///
/// Everything random derives from `seed`, the epoch and the batch index, so the
/// same seed gives bit-identical batches however fast they are consumed, and
/// prefetching on a background thread gives the same batches as preparing them
/// one by one. The last batch keeps the leftover examples (it may be smaller).
///
/// ```swift
/// let loader = BatchLoader(dataset: training, batchSize: 128, augmentation: .default, seed: 42)
/// for batch in loader.batches(forEpoch: 1) {   // prepared two batches ahead
///     print(batch.images.shape)                // [128, 28, 28, 1]
/// }
/// ```
public struct BatchLoader: Sendable {
    /// The examples to serve.
    public let dataset: MNISTDataset
    /// The number of examples per batch (all but possibly the last).
    public let batchSize: Int
    /// Whether each epoch visits the examples in a fresh seeded order.
    public let shuffles: Bool
    /// How to distort images, or `nil` to serve them unchanged.
    public let augmentation: AugmentationSettings?
    /// The seed of the order and the augmentation.
    public let seed: UInt64
    /// How a small set at the end of `dataset` is mixed into every batch, or `nil`.
    public let mixing: BatchMixing?

    public init(dataset: MNISTDataset, batchSize: Int = 128, shuffles: Bool = true,
                augmentation: AugmentationSettings? = .default, seed: UInt64 = 0) {
        precondition(batchSize > 0, "BatchLoader: batch size must be positive")
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffles = shuffles
        self.augmentation = augmentation
        self.seed = seed
        self.mixing = nil
    }

    /// A loader whose every batch holds about `fraction` of examples from `small`, the rest
    /// from `large`, visited once per epoch in a seeded order (see ``BatchMixing``).
    ///
    /// ```swift
    /// let loader = BatchLoader(mixing: feedback, into: training, fraction: 0.25, seed: 42)
    /// loader.batchCount   // ⌈60000 / 96⌉ = 625 batches of 96 MNIST and 32 feedback digits
    /// ```
    public init(mixing small: MNISTDataset, into large: MNISTDataset, fraction: Double, batchSize: Int = 128,
                augmentation: AugmentationSettings? = .default, seed: UInt64 = 0) {
        precondition(batchSize > 0, "BatchLoader: batch size must be positive")
        self.dataset = large.appending(small)
        self.batchSize = batchSize
        self.shuffles = true
        self.augmentation = augmentation
        self.seed = seed
        self.mixing = BatchMixing(baseCount: large.count, mixedCount: small.count, batchSize: batchSize, fraction: fraction)
    }

    /// A loader for evaluation: in order, not augmented.
    public static func evaluating(_ dataset: MNISTDataset, batchSize: Int = 500) -> BatchLoader {
        BatchLoader(dataset: dataset, batchSize: batchSize, shuffles: false, augmentation: nil)
    }

    /// The number of batches per epoch, the last one possibly partial.
    public var batchCount: Int { mixing?.batchCount(batchSize: batchSize) ?? (dataset.count + batchSize - 1) / batchSize }

    /// The number of examples served per epoch: the dataset's, unless mixing repeats some.
    public var examplesPerEpoch: Int {
        guard let mixing else { return dataset.count }
        return mixing.baseCount + mixing.batchCount(batchSize: batchSize) * mixing.mixedPerBatch
    }

    /// The example indices of `epoch`, in the order they are served.
    public func order(forEpoch epoch: Int) -> [Int] {
        if let mixing { return mixing.order(forEpoch: epoch, batchSize: batchSize, seed: seed) }
        return shuffles ? EpochOrder.shuffled(count: dataset.count, seed: seed, epoch: epoch) : Array(0..<dataset.count)
    }

    /// The batches of `epoch`, each prepared up to `prefetchCount` batches ahead on a
    /// background thread (0 prepares each one when it is asked for).
    public func batches(forEpoch epoch: Int, prefetchCount: Int = 2) -> EpochBatches {
        EpochBatches(loader: self, epoch: epoch, order: order(forEpoch: epoch), prefetchCount: prefetchCount)
    }

    /// Batch `index` of `epoch`, whose example order is `order`.
    func makeBatch(_ index: Int, epoch: Int, order: [Int]) -> Batch {
        let start = index * batchSize
        let indices = order[start..<min(start + batchSize, order.count)]
        let side = MNISTDataset.imageSide
        let pixels = MNISTDataset.pixelsPerImage
        var scalars = [Float](repeating: 0, count: indices.count * pixels)
        var scratch = [Float](repeating: 0, count: pixels)
        var generator = SeededRandomNumberGenerator(
            seed: SeedDerivation.seed(seed, for: .augmentation, at: [epoch, index]))
        dataset.images.withUnsafeBufferPointer { images in
            scalars.withUnsafeMutableBufferPointer { output in
                for (position, example) in indices.enumerated() {
                    let source = UnsafeBufferPointer(rebasing: images[(example * pixels)..<((example + 1) * pixels)])
                    let destination = UnsafeMutableBufferPointer(
                        rebasing: output[(position * pixels)..<((position + 1) * pixels)])
                    if let augmentation {
                        Self.augment(source, side: side, into: destination, scratch: &scratch,
                                     settings: augmentation, using: &generator)
                    } else {
                        for offset in 0..<pixels { destination[offset] = Float(source[offset]) / 255 }
                    }
                }
            }
        }
        return Batch(images: Tensor(scalars, shape: [indices.count, side, side, 1]),
                     labels: indices.map { Int(dataset.labels[$0]) })
    }

    /// Writes one augmented image: warped (with the elastic offsets, if any) in one pass,
    /// then its contrast and its stroke width changed. Draws six numbers for the warp and
    /// one each for contrast and stroke width, plus the elastic offsets when they are on.
    static func augment(_ source: UnsafeBufferPointer<UInt8>, side: Int, into destination: UnsafeMutableBufferPointer<Float>,
                        scratch: inout [Float], settings: AugmentationSettings,
                        using generator: inout SeededRandomNumberGenerator) {
        let warp = AffineWarp(drawnFrom: settings, side: side, using: &generator)
        let contrast = generator.nextUnitInterval()
        let strokeWidth = generator.nextUnitInterval()
        let displacement = settings.elasticAmplitude > 0
            ? ElasticDisplacement(amplitude: settings.elasticAmplitude, cells: AugmentationSettings.elasticCells,
                                  side: side, using: &generator)
            : nil
        warp.apply(to: source, side: side, into: destination, displacement: displacement)
        if let factors = settings.contrastFactors {
            let factor = factors.lowerBound + contrast * (factors.upperBound - factors.lowerBound)
            adjustContrast(of: destination, by: Float(factor))
        }
        if let changes = settings.strokeWidthChanges {
            let amount = changes.lowerBound + strokeWidth * (changes.upperBound - changes.lowerBound)
            scratch.withUnsafeMutableBufferPointer { scratch in
                StrokeWidthChange(amount: amount).apply(to: destination, side: side, scratch: scratch)
            }
        }
    }

    /// Moves every pixel away from the image's mean by `factor` (Keras' `RandomContrast`),
    /// clipped to [0, 1].
    static func adjustContrast(of image: UnsafeMutableBufferPointer<Float>, by factor: Float) {
        var sum: Float = 0
        for value in image { sum += value }
        let mean = sum / Float(image.count)
        for index in image.indices {
            image[index] = min(max((image[index] - mean) * factor + mean, 0), 1)
        }
    }
}

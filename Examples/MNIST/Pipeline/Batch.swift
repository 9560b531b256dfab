import NumSight

/// A batch of MNIST examples ready for a model.
public struct Batch: Sendable, Equatable {
    /// `[count, 28, 28, 1]`, pixels scaled to [0, 1] (NHWC).
    public var images: Tensor<Float>
    /// The digit of each image.
    public var labels: [Int]

    /// The number of examples.
    public var count: Int { labels.count }
}

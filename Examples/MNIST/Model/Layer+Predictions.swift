import NumSight

extension Layer where Scalar == Float {
    /// The class probabilities (softmax of the logits) for `images`, computed in
    /// inference mode without recording gradients, `batchSize` images at a time.
    ///
    /// - Parameter images: `[count, 28, 28, 1]`, pixels in [0, 1].
    /// - Returns: `[count, classes]`; each row sums to 1.
    ///
    /// ```swift
    /// let probabilities = model.probabilities(for: images)   // [count, 10]
    /// ```
    public func probabilities(for images: Tensor<Float>, batchSize: Int = 500) -> Tensor<Float> {
        softmax(logits(for: images, batchSize: batchSize))
    }

    /// The most probable class of each image.
    public func predictedClasses(for images: Tensor<Float>, batchSize: Int = 500) -> [Int] {
        let logits = logits(for: images, batchSize: batchSize)
        return logits.argmax(alongAxis: -1).scalars.map { Int($0) }
    }

    /// The model's output for `images`, in inference mode, without gradients, by batches.
    func logits(for images: Tensor<Float>, batchSize: Int) -> Tensor<Float> {
        precondition(batchSize > 0, "logits(for:batchSize:): batch size must be positive")
        let count = images.shape[0]
        return withInferenceMode {
            withoutGradients {
                if count <= batchSize { return self(images) }
                let parts = stride(from: 0, to: count, by: batchSize).map { start in
                    self(images.sliced(alongAxis: 0, range: start..<min(start + batchSize, count)))
                }
                return Tensor.concatenating(parts, alongAxis: 0)
            }
        }
    }
}

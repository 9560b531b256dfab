/// Variance and standard deviation with a choice of divisor.
extension Tensor {
    /// The variance over `axes`, dividing the sum of squared deviations by
    /// count − `correction`: 1 gives the unbiased (sample) variance, PyTorch's
    /// default; 0 the population variance of ``variance(alongAxes:keepingDimensions:)``.
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3, 4]).variance(correction: 1).scalar  // 1.6667
    /// ```
    @_specialize(where Scalar == Float)
    public func variance(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false, correction: Int) -> Tensor {
        let reduced = normalizedAxes(axes, rank: rank, operation: "variance")
        let count = reduced.map { shape[$0] }.elementCount
        require(count > correction, "variance: \(count) elements are too few for correction \(correction)")
        let centred = self - mean(alongAxes: reduced, keepingDimensions: true)
        return centred.squared().sum(alongAxes: reduced, keepingDimensions: keepingDimensions)
            / Scalar(count - correction)
    }

    /// The square root of ``variance(alongAxes:keepingDimensions:correction:)``.
    @_specialize(where Scalar == Float)
    public func standardDeviation(
        alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false, correction: Int = 0
    ) -> Tensor {
        sqrt(variance(alongAxes: axes, keepingDimensions: keepingDimensions, correction: correction))
    }
}

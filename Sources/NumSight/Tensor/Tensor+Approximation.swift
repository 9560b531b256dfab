extension Tensor {
    /// Whether both tensors have the same shape and every pair of elements satisfies
    /// `|a - b| <= absoluteTolerance + relativeTolerance * |b|` (NumPy's `allclose`).
    @_specialize(where Scalar == Float)
    public func isApproximatelyEqual(
        to other: Tensor, absoluteTolerance: Scalar = 1e-5, relativeTolerance: Scalar = 1e-5
    ) -> Bool {
        shape == other.shape && largestDeviation(from: other, relativeTolerance: relativeTolerance)
            <= absoluteTolerance
    }

    /// The largest `|a - b| - relativeTolerance * |b|` over all element pairs.
    private func largestDeviation(from other: Tensor, relativeTolerance: Scalar) -> Scalar {
        var worst: Scalar = 0
        for (a, b) in zip(scalars, other.scalars) where a != b {
            let deviation = abs(a - b) - relativeTolerance * abs(b)
            if deviation.isNaN { return .infinity }
            worst = Swift.max(worst, deviation)
        }
        return worst
    }
}

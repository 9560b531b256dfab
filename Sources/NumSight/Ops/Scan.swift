/// Running sums and reversals along an axis.
extension Tensor {
    /// The running sum along `axis` (`cumsum`): `y[i] = x[0] + … + x[i]`, or, when
    /// `reverse`, `y[i] = x[i] + … + x[n − 1]`.
    ///
    /// Each x[j] feeds every y[i] with i ≥ j, so the pullback is the running sum of
    /// the gradient in the other direction.
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3]).cumulativeSum(alongAxis: 0).scalars  // [1, 3, 6]
    /// ```
    @_specialize(where Scalar == Float)
    public func cumulativeSum(alongAxis axis: Int, reverse: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, rank: rank, operation: "cumulativeSum")
        let length = shape[axis]
        let inner = Array(shape[(axis + 1)...]).elementCount
        let outer = Array(shape[..<axis]).elementCount
        var result = scalars
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * length * inner + i
                var previous: Scalar = 0
                for step in 0..<length {
                    let offset = base + (reverse ? length - 1 - step : step) * inner
                    previous += result[offset]
                    result[offset] = previous
                }
            }
        }
        return Tensor.recording(.cumulativeSum, shape: shape, scalars: result, inputs: [self]) { gradient in
            [gradient.cumulativeSum(alongAxis: axis, reverse: !reverse)]
        }
    }

    /// The elements in reverse order along each of `axes` (NumPy's `flip`).
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3, 4], shape: [2, 2]).reversed(alongAxes: [1]).scalars  // [2, 1, 4, 3]
    /// ```
    @_specialize(where Scalar == Float)
    public func reversed(alongAxes axes: [Int]) -> Tensor {
        let axes = normalizedAxes(axes, rank: rank, operation: "reversed")
        var strides = shape.strides
        var start = 0
        for axis in axes where shape[axis] > 0 {
            start += (shape[axis] - 1) * strides[axis]
            strides[axis] = -strides[axis]
        }
        return gathered(.reverse, offsets: LayoutKernels.stridedOffsets(shape: shape, strides: strides, start: start),
                        shape: shape)
    }
}

/// Reductions over any set of axes (all axes when `axes` is `nil`; negative axes
/// count from the back). With `keepingDimensions` the reduced axes stay, with size 1.
extension Tensor {
    /// The sum over `axes`; the gradient is the output's gradient broadcast back.
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3, 4], shape: [2, 2]).sum(alongAxes: [0]).scalars  // [4.0, 6.0]
    /// ```
    @_specialize(where Scalar == Float)
    public func sum(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, rank: rank, operation: "sum")
        let keptShape = ReductionKernels.reducedShape(shape, axes: axes)
        let scalars = ReductionKernels.sum(scalars, shape: shape, axes: axes)
        let kept = Tensor.recording(.sum, shape: keptShape, scalars: scalars, inputs: [self]) { gradient in
            [gradient.broadcast(to: self.shape)]
        }
        return keepingDimensions ? kept : kept.droppingAxes(axes)
    }

    /// The arithmetic mean over `axes`.
    @_specialize(where Scalar == Float)
    public func mean(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, rank: rank, operation: "mean")
        let count = axes.map { shape[$0] }.elementCount
        return sum(alongAxes: axes, keepingDimensions: keepingDimensions) / Scalar(count)
    }

    /// The population variance (dividing by the count, as batch normalisation does) over `axes`.
    @_specialize(where Scalar == Float)
    public func variance(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let centred = self - mean(alongAxes: axes, keepingDimensions: true)
        return centred.squared().mean(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The largest element over `axes`; the gradient goes to the first largest element.
    @_specialize(where Scalar == Float)
    public func max(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        extremum(.max, alongAxes: axes, keepingDimensions: keepingDimensions, by: >)
    }

    /// The smallest element over `axes`; the gradient goes to the first smallest element.
    @_specialize(where Scalar == Float)
    public func min(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        extremum(.min, alongAxes: axes, keepingDimensions: keepingDimensions, by: <)
    }

    /// The index of the first largest element along `axis`, as a tensor without that axis.
    ///
    /// ```swift
    /// Tensor<Float>([0.1, 0.7, 0.2, 0.9, 0.05, 0.05], shape: [2, 3]).argmax(alongAxis: 1).scalars  // [1.0, 0.0]
    /// ```
    @_specialize(where Scalar == Float)
    public func argmax(alongAxis axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis, rank: rank, operation: "argmax")
        let offsets = ReductionKernels.extremumOffsets(scalars, shape: shape, axes: [axis], by: >)
        let stride = shape.strides[axis]
        let indices = offsets.map { Scalar(($0 / stride) % shape[axis]) }
        var outputShape = shape
        outputShape.remove(at: axis)
        return Tensor(shape: outputShape, scalars: indices, node: nil)
    }

    /// log Σ eˣ over `axes`, computed as m + log Σ e^(x − m) with m the maximum, so
    /// that large inputs cannot overflow; d/dx = e^(x − y) (the softmax).
    @_specialize(where Scalar == Float)
    public func logSumExp(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, rank: rank, operation: "logSumExp")
        let keptShape = ReductionKernels.reducedShape(shape, axes: axes)
        let maxima = LayoutKernels.gather(
            scalars, at: ReductionKernels.extremumOffsets(scalars, shape: shape, axes: axes, by: >))
        let safeMaxima = maxima.map { $0.isFinite ? $0 : 0 }
        let shifted = ElementwiseKernels.broadcasting(scalars, shape: shape, safeMaxima, shape: keptShape,
                                                      to: shape) { Scalar.exp($0 - $1) }
        let sums = ReductionKernels.sum(shifted, shape: shape, axes: axes)
        let values = zip(safeMaxima, sums).map { $0 + Scalar.log($1) }
        let kept = Tensor.recording(.logSumExp, shape: keptShape, scalars: values, inputs: [self]) {
            gradient, output in [gradient * exp(self - output)]
        }
        return keepingDimensions ? kept : kept.droppingAxes(axes)
    }

    /// Sums a broadcast result back to `targetShape`: the adjoint of broadcasting.
    @_specialize(where Scalar == Float)
    public func summed(toShape targetShape: [Int]) -> Tensor {
        guard shape != targetShape else { return self }
        let leading = rank - targetShape.count
        require(leading >= 0 && broadcastShape(shape, targetShape) == shape,
                     "summed(toShape:): shape \(shape) is not a broadcast of \(targetShape)")
        let axes = (0..<rank).filter { $0 < leading || (targetShape[$0 - leading] == 1 && shape[$0] != 1) }
        return sum(alongAxes: axes, keepingDimensions: true).reshaped(to: targetShape)
    }

    private func extremum(
        _ operation: Operation, alongAxes axes: [Int]?, keepingDimensions: Bool, by better: (Scalar, Scalar) -> Bool
    ) -> Tensor {
        let axes = normalizedAxes(axes, rank: rank, operation: operation.rawValue)
        let offsets = ReductionKernels.extremumOffsets(scalars, shape: shape, axes: axes, by: better)
        let kept = gathered(operation, offsets: offsets, shape: ReductionKernels.reducedShape(shape, axes: axes))
        return keepingDimensions ? kept : kept.droppingAxes(axes)
    }

    /// Removes size-1 `axes` (sorted) from the shape.
    private func droppingAxes(_ axes: [Int]) -> Tensor {
        let remaining = shape.indices.filter { !axes.contains($0) }.map { shape[$0] }
        return reshaped(to: remaining)
    }
}

/// Operations that rearrange elements without changing them.
extension Tensor {
    /// The same elements in a new shape; one dimension may be -1, inferred from the rest.
    ///
    /// ```swift
    /// images.reshaped(to: [batch, -1])   // [batch, 28, 28, 1] → [batch, 784]
    /// ```
    @_specialize(where Scalar == Float)
    public func reshaped(to newShape: [Int]) -> Tensor {
        let resolved = resolvedShape(newShape)
        guard resolved != shape else { return self }
        return Tensor.recording(.reshape, shape: resolved, scalars: scalars, inputs: [self]) { gradient in
            [gradient.reshaped(to: self.shape)]
        }
    }

    /// Inserts an axis of size 1 at `axis` (negative counts from the back of the result).
    @_specialize(where Scalar == Float)
    public func expandingShape(at axis: Int) -> Tensor {
        var newShape = shape
        newShape.insert(1, at: normalizedAxis(axis, rank: rank + 1, operation: "expandingShape"))
        return reshaped(to: newShape)
    }

    /// Removes the size-1 `axes`, or every size-1 axis when `axes` is `nil`.
    @_specialize(where Scalar == Float)
    public func squeezingShape(at axes: [Int]? = nil) -> Tensor {
        let axes = axes.map { normalizedAxes($0, rank: rank, operation: "squeezingShape") }
            ?? shape.indices.filter { shape[$0] == 1 }
        for axis in axes {
            require(shape[axis] == 1, "squeezingShape: axis \(axis) of shape \(shape) has size \(shape[axis]), not 1")
        }
        return reshaped(to: shape.indices.filter { !axes.contains($0) }.map { shape[$0] })
    }

    /// The axes reordered: axis `i` of the result is axis `permutation[i]` of this tensor.
    /// With no permutation, the axes are reversed (the matrix transpose for rank 2).
    @_specialize(where Scalar == Float)
    public func transposed(permutation: [Int]? = nil) -> Tensor {
        let permutation = permutation ?? Array((0..<rank).reversed())
        require(permutation.sorted() == Array(0..<rank),
                     "transposed: \(permutation) is not a permutation of the axes of shape \(shape)")
        let strides = shape.strides
        let offsets = LayoutKernels.stridedOffsets(shape: permutation.map { shape[$0] },
                                                   strides: permutation.map { strides[$0] }, start: 0)
        return gathered(.transpose, offsets: offsets, shape: permutation.map { shape[$0] })
    }

    /// This tensor repeated along new leading axes and size-1 axes to fill `newShape`
    /// (NumPy's broadcasting rules); the gradient is summed back.
    @_specialize(where Scalar == Float)
    public func broadcast(to newShape: [Int]) -> Tensor {
        guard newShape != shape else { return self }
        require(broadcastShape(shape, newShape) == newShape,
                     "broadcast: shape \(shape) cannot broadcast to \(newShape)")
        let offsets = ElementwiseKernels.broadcastOffsets(from: shape, to: newShape)
        return Tensor.recording(.broadcast, shape: newShape, scalars: LayoutKernels.gather(scalars, at: offsets),
                                inputs: [self]) { gradient in [gradient.summed(toShape: self.shape)] }
    }

    private func resolvedShape(_ newShape: [Int]) -> [Int] {
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        require(inferred.count <= 1 && newShape.allSatisfy { $0 >= -1 },
                     "reshaped: \(newShape) may hold one -1 and otherwise sizes of at least 0")
        var resolved = newShape
        if let axis = inferred.first {
            let known = newShape.filter { $0 != -1 }.elementCount
            require(known > 0 && elementCount % known == 0,
                         "reshaped: cannot infer a dimension of \(newShape) for \(elementCount) elements (shape \(shape))")
            resolved[axis] = elementCount / known
        }
        require(resolved.elementCount == elementCount,
                     "reshaped: shape \(shape) (\(elementCount) elements) cannot become \(newShape)")
        return resolved
    }
}

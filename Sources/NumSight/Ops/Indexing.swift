/// Slicing, padding, joining and gathering. All of them move elements by offset:
/// a gather reads `output[i] = x[offsets[i]]`, and its adjoint, a scatter-add,
/// writes `output[offsets[i]] += x[i]`. Each is the other's pullback.
extension Tensor {
    /// The elements at `offsets` (row-major offsets into this tensor), shaped as `shape`.
    func gathered(_ operation: Operation, offsets: [Int], shape: [Int]) -> Tensor {
        Tensor.recording(operation, shape: shape, scalars: LayoutKernels.gather(scalars, at: offsets),
                         inputs: [self]) { gradient in
            [gradient.scatteredAdding(.scatterAdd, offsets: offsets, shape: self.shape)]
        }
    }

    /// A tensor of `shape` holding zeros plus each element of this tensor added at its offset.
    func scatteredAdding(_ operation: Operation, offsets: [Int], shape: [Int]) -> Tensor {
        Tensor.recording(operation, shape: shape,
                         scalars: LayoutKernels.scatterAdd(scalars, at: offsets, count: shape.elementCount),
                         inputs: [self]) { gradient in
            [gradient.gathered(.gather, offsets: offsets, shape: self.shape)]
        }
    }

    /// The part of this tensor whose index along `axis` lies in `range`.
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3]).sliced(alongAxis: 1, range: 1..<3).scalars  // [2, 3, 5, 6]
    /// ```
    @_specialize(where Scalar == Float)
    public func sliced(alongAxis axis: Int, range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis, rank: rank, operation: "sliced")
        require(range.lowerBound >= 0 && range.upperBound <= shape[axis],
                     "sliced: range \(range) is outside axis \(axis) of shape \(shape)")
        var sliceShape = shape
        sliceShape[axis] = range.count
        return gathered(.slice, offsets: blockOffsets(of: sliceShape, in: shape, axis: axis, start: range.lowerBound),
                        shape: sliceShape)
    }

    /// This tensor with `padding[axis].before` and `.after` elements of `value` added on
    /// each side of each axis.
    @_specialize(where Scalar == Float)
    public func padded(with padding: [(before: Int, after: Int)], value: Scalar = 0) -> Tensor {
        require(padding.count == rank && padding.allSatisfy { $0.before >= 0 && $0.after >= 0 },
                     "padded: need one non-negative (before, after) pair per axis of shape \(shape)")
        let paddedShape = zip(shape, padding).map { $0 + $1.before + $1.after }
        let strides = paddedShape.strides
        let start = zip(padding, strides).map { $0.before * $1 }.reduce(0, +)
        let offsets = LayoutKernels.stridedOffsets(shape: shape, strides: strides, start: start)
        let result = scatteredAdding(.pad, offsets: offsets, shape: paddedShape)
        guard value != 0 else { return result }
        let border = Tensor(shape: [elementCount], scalars: [Scalar](repeating: 1, count: elementCount), node: nil)
            .scatteredAdding(.pad, offsets: offsets, shape: paddedShape)
        return result + value * (1 - border)
    }

    /// The tensors joined along `axis`; all other dimensions must agree.
    @_specialize(where Scalar == Float)
    public static func concatenating(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
        guard let first = tensors.first else { fatalError("concatenating: no tensors to join") }
        let axis = normalizedAxis(axis, rank: first.rank, operation: "concatenating")
        for tensor in tensors {
            var expected = first.shape
            expected[axis] = tensor.shape.count == first.rank ? tensor.shape[axis] : -1
            require(tensor.shape == expected,
                         "concatenating: shapes \(tensors.map(\.shape)) differ outside axis \(axis)")
        }
        var outputShape = first.shape
        outputShape[axis] = tensors.map { $0.shape[axis] }.reduce(0, +)
        var scalars = [Scalar](repeating: 0, count: outputShape.elementCount)
        var starts: [Int] = []
        var start = 0
        for tensor in tensors {
            starts.append(start)
            let offsets = tensor.blockOffsets(of: tensor.shape, in: outputShape, axis: axis, start: start)
            for (value, offset) in zip(tensor.scalars, offsets) { scalars[offset] = value }
            start += tensor.shape[axis]
        }
        return recording(.concatenate, shape: outputShape, scalars: scalars, inputs: tensors) { gradient in
            zip(tensors, starts).map { tensor, start in
                tensor.requiresGradient
                    ? gradient.sliced(alongAxis: axis, range: start..<start + tensor.shape[axis]) : nil
            }
        }
    }

    /// The tensors, all of one shape, stacked along a new axis at `axis`.
    @_specialize(where Scalar == Float)
    public static func stacking(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        concatenating(tensors.map { $0.expandingShape(at: axis) }, alongAxis: axis)
    }

    /// Consecutive parts of this tensor along `axis`, of the given sizes.
    @_specialize(where Scalar == Float)
    public func split(sizes: [Int], alongAxis axis: Int) -> [Tensor] {
        let axis = normalizedAxis(axis, rank: rank, operation: "split")
        require(sizes.reduce(0, +) == shape[axis], "split: sizes \(sizes) do not add up to axis \(axis) of \(shape)")
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return sliced(alongAxis: axis, range: start..<start + size)
        }
    }

    /// The slices at `indices` along `axis` (NumPy's `take`); indices may repeat.
    ///
    /// ```swift
    /// embeddings.gathering(atIndices: [3, 1, 3], alongAxis: 0)   // rows 3, 1 and 3
    /// ```
    @_specialize(where Scalar == Float)
    public func gathering(atIndices indices: [Int], alongAxis axis: Int = 0) -> Tensor {
        let axis = normalizedAxis(axis, rank: rank, operation: "gathering")
        for index in indices {
            require((0..<shape[axis]).contains(index),
                         "gathering: index \(index) is outside axis \(axis) of shape \(shape)")
        }
        let outer = Array(shape[..<axis]).elementCount
        let inner = Array(shape[(axis + 1)...]).elementCount
        var offsets: [Int] = []
        offsets.reserveCapacity(outer * indices.count * inner)
        for o in 0..<outer {
            for index in indices {
                let base = (o * shape[axis] + index) * inner
                offsets.append(contentsOf: base..<base + inner)
            }
        }
        var outputShape = shape
        outputShape[axis] = indices.count
        return gathered(.gather, offsets: offsets, shape: outputShape)
    }

    /// One element per row: `result[i] = x[i, indices[i]]` over the last axis, which
    /// the result drops. Picks each example's label logit.
    @_specialize(where Scalar == Float)
    public func takingAlongLastAxis(_ indices: [Int]) -> Tensor {
        let width = shape.last ?? 1
        require(rank >= 1 && indices.count == elementCount / Swift.max(width, 1),
                     "takingAlongLastAxis: \(indices.count) indices for shape \(shape)")
        let offsets = indices.enumerated().map { row, index in
            require((0..<width).contains(index), "takingAlongLastAxis: index \(index) is outside 0..<\(width)")
            return row * width + index
        }
        return gathered(.gather, offsets: offsets, shape: Array(shape.dropLast()))
    }

    /// Offsets, inside a tensor of shape `outer`, of a block of shape `block` that
    /// starts at `start` along `axis` and at 0 along every other axis.
    private func blockOffsets(of block: [Int], in outer: [Int], axis: Int, start: Int) -> [Int] {
        let strides = outer.strides
        return LayoutKernels.stridedOffsets(shape: block, strides: strides, start: start * strides[axis])
    }
}

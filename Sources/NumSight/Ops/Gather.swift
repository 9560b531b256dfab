/// Gathering and scatter-adding along one axis with an ``IndexTensor``. Both are
/// moves by offset (see `Indexing.swift`), so each is the other's pullback.
extension Tensor {
    /// PyTorch's `gather`: the result has the shape of `index`, and along `axis` reads
    /// the element that `index` names. For a matrix and `axis` 1:
    /// `result[i, j] = x[i, index[i, j]]`.
    ///
    /// - Parameters:
    ///   - index: The same rank as this tensor; along every other axis no longer than it.
    ///   - axis: The axis the indices point along (negative counts from the back).
    ///
    /// ```swift
    /// Tensor<Float>([1, 2, 3, 4], shape: [2, 2]).gathering(IndexTensor([1, 1, 0, 1], shape: [2, 2]), alongAxis: 1)
    /// // [[2, 2], [3, 4]]
    /// ```
    @_specialize(where Scalar == Float)
    public func gathering(_ index: IndexTensor, alongAxis axis: Int) -> Tensor {
        let offsets = offsets(of: index, alongAxis: axis, operation: "gathering")
        return gathered(.gather, offsets: offsets, shape: index.shape)
    }

    /// PyTorch's `scatter_add`: this tensor with each element of `source` added at the
    /// position `index` names along `axis`. For a matrix and `axis` 1:
    /// `result[i, index[i, j]] += source[i, j]`. Repeated indices accumulate.
    ///
    /// - Parameters:
    ///   - source: The shape of `index`.
    ///   - index: The same rank as this tensor; along every other axis no longer than it.
    ///   - axis: The axis the indices point along.
    @_specialize(where Scalar == Float)
    public func scatteringAdding(_ source: Tensor, at index: IndexTensor, alongAxis axis: Int) -> Tensor {
        require(source.shape == index.shape,
                "scatteringAdding: source \(source.shape) and index \(index.shape) should have one shape")
        let offsets = offsets(of: index, alongAxis: axis, operation: "scatteringAdding")
        return self + source.scatteredAdding(.scatterAdd, offsets: offsets, shape: shape)
    }

    /// NumPy's `take`: the slices at `indices` along `axis`, with the index tensor's
    /// axes in place of `axis`: `shape[..<axis] + indices.shape + shape[(axis + 1)...]`.
    /// An embedding lookup is `table.taking(tokens, alongAxis: 0)`.
    @_specialize(where Scalar == Float)
    public func taking(_ indices: IndexTensor, alongAxis axis: Int = 0) -> Tensor {
        let axis = normalizedAxis(axis, rank: rank, operation: "taking")
        let rows = gathering(atIndices: indices.indices, alongAxis: axis)
        return rows.reshaped(to: Array(shape[..<axis]) + indices.shape + Array(shape[(axis + 1)...]))
    }

    /// The row-major offset, in this tensor, of the element each entry of `index` names.
    private func offsets(of index: IndexTensor, alongAxis axis: Int, operation: String) -> [Int] {
        let axis = normalizedAxis(axis, rank: rank, operation: operation)
        require(index.rank == rank && zip(index.shape, shape).enumerated().allSatisfy { $0 == axis || $1.0 <= $1.1 },
                "\(operation): index \(index.shape) should have the rank of \(shape) and be no longer "
                    + "along axes other than \(axis)")
        var strides = shape.strides
        let axisStride = strides[axis]
        strides[axis] = 0
        let bases = LayoutKernels.stridedOffsets(shape: index.shape, strides: strides, start: 0)
        return zip(bases, index.indices).map { base, position in
            require((0..<shape[axis]).contains(position),
                    "\(operation): index \(position) is outside axis \(axis) of shape \(shape)")
            return base + position * axisStride
        }
    }
}

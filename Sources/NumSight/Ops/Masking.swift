/// Masks for attention and the ops that apply them. A mask holds ones where an
/// element is kept (a query may attend to a key) and zeros where it is not.
extension Tensor {
    /// The lower triangle of the last two axes (NumPy's `tril`): elements with
    /// column − row ≤ `diagonalOffset` are kept, the others become zero.
    ///
    /// ```swift
    /// Tensor<Float>.ones(shape: [3, 3]).lowerTriangle().scalars  // [1, 0, 0,  1, 1, 0,  1, 1, 1]
    /// ```
    @_specialize(where Scalar == Float)
    public func lowerTriangle(diagonalOffset: Int = 0) -> Tensor {
        self * triangleMask { column, row in column - row <= diagonalOffset }
    }

    /// The upper triangle of the last two axes (NumPy's `triu`): elements with
    /// column − row ≥ `diagonalOffset` are kept, the others become zero.
    @_specialize(where Scalar == Float)
    public func upperTriangle(diagonalOffset: Int = 0) -> Tensor {
        self * triangleMask { column, row in column - row >= diagonalOffset }
    }

    /// `value` where `mask` is zero, this tensor elsewhere (PyTorch's `masked_fill`
    /// with the mask inverted: the mask says what to keep). `mask` broadcasts; the
    /// gradient flows only to kept elements.
    ///
    /// ```swift
    /// scores.filled(with: -.infinity, whereNot: causalMask)   // before a softmax
    /// ```
    @_specialize(where Scalar == Float)
    public func filled(with value: Scalar, whereNot mask: Tensor) -> Tensor {
        select(mask, self, Tensor(value))
    }

    /// The causal mask of a sequence of `length`: `[length, length]`, ones where
    /// key ≤ query, so that position `i` sees positions `0…i` only.
    @_specialize(where Scalar == Float)
    public static func causalMask(length: Int) -> Tensor {
        Tensor.ones(shape: [length, length]).lowerTriangle()
    }

    /// Ones where `lengths[b]` exceeds the position: `[batch, length]` for a batch of
    /// sequences padded to `length` (PyTorch's `key_padding_mask`, inverted).
    @_specialize(where Scalar == Float)
    public static func paddingMask(lengths: [Int], length: Int) -> Tensor {
        Tensor(lengths.flatMap { valid in (0..<length).map { $0 < valid ? Scalar(1) : 0 } },
               shape: [lengths.count, length])
    }

    /// One-hot vectors: `indices.shape + [depth]`, one at each index and zero elsewhere.
    ///
    /// ```swift
    /// Tensor<Float>(oneHot: IndexTensor([2, 0]), depth: 3).scalars  // [0, 0, 1,  1, 0, 0]
    /// ```
    public init(oneHot indices: IndexTensor, depth: Int) {
        var scalars = [Scalar](repeating: 0, count: indices.elementCount * depth)
        for (row, index) in indices.indices.enumerated() {
            require((0..<depth).contains(index), "Tensor(oneHot:depth:): index \(index) is outside 0..<\(depth)")
            scalars[row * depth + index] = 1
        }
        self.init(scalars, shape: indices.shape + [depth])
    }

    /// A constant `[rows, columns]` mask of the last two axes: one where `keeps(column, row)`.
    private func triangleMask(_ keeps: (Int, Int) -> Bool) -> Tensor {
        require(rank >= 2, "lowerTriangle/upperTriangle: needs at least two axes, got shape \(shape)")
        let (rows, columns) = (shape[rank - 2], shape[rank - 1])
        let scalars = (0..<rows).flatMap { row in (0..<columns).map { keeps($0, row) ? Scalar(1) : 0 } }
        return Tensor(scalars, shape: [rows, columns])
    }
}

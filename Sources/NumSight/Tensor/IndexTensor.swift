/// An n-dimensional array of integers: token ids, class labels, argmax results and
/// the index tensors of ``Tensor/gathering(_:alongAxis:)``.
///
/// A separate type rather than `Tensor<Int32>`: ``Tensor`` is differentiable and
/// its ``TensorScalar`` requirements are the elementary functions every op is written
/// with (`exp`, `log`, `erf`, …), none of which mean anything for integers, and an
/// index has no gradient. So an `IndexTensor` is only a shape and `Int`s, never
/// joins the gradient graph, and every op that reads indices takes one by name.
///
/// ```swift
/// let tokens = IndexTensor([3, 1, 4, 1], shape: [2, 2])
/// let vectors = embedding(tokens)                 // [2, 2, embeddingSize]
/// let labels = logits.argmaxIndices(alongAxis: -1) // an IndexTensor
/// ```
public struct IndexTensor: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    /// The elements in row-major order.
    public let indices: [Int]

    /// Creates an index tensor of `shape` from `indices` in row-major order.
    public init(_ indices: [Int], shape: [Int]) {
        require(shape.allSatisfy { $0 >= 0 }, "IndexTensor: negative dimension in shape \(shape)")
        require(indices.count == shape.elementCount,
                "IndexTensor: \(indices.count) indices cannot fill shape \(shape) (\(shape.elementCount) elements)")
        self.shape = shape
        self.indices = indices
    }

    /// Creates a one-dimensional index tensor.
    public init(_ indices: [Int]) {
        self.init(indices, shape: [indices.count])
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var elementCount: Int { indices.count }

    /// The same indices in a new shape; one dimension may be -1.
    public func reshaped(to newShape: [Int]) -> IndexTensor {
        let inferred = newShape.filter { $0 == -1 }.count
        require(inferred <= 1, "IndexTensor.reshaped: \(newShape) may hold one -1")
        let known = newShape.filter { $0 != -1 }.elementCount
        let resolved = newShape.map { $0 == -1 && known > 0 ? elementCount / known : $0 }
        require(resolved.elementCount == elementCount,
                "IndexTensor.reshaped: shape \(shape) (\(elementCount) elements) cannot become \(newShape)")
        return IndexTensor(indices, shape: resolved)
    }

    /// The elements of `tensor` rounded toward zero (labels stored as floats).
    public init<Scalar: TensorScalar>(truncating tensor: Tensor<Scalar>) {
        self.init(tensor.scalars.map { Int($0) }, shape: tensor.shape)
    }

    /// The indices as floating-point values, for arithmetic and comparisons.
    public func converted<Scalar: TensorScalar>(to type: Scalar.Type = Scalar.self) -> Tensor<Scalar> {
        Tensor(indices.map { Scalar($0) }, shape: shape)
    }

    /// `IndexTensor(shape) [indices]`.
    public var description: String { "IndexTensor(\(shape)) \(indices)" }
}

extension Tensor {
    /// The index of the first largest element along `axis`, as integers, without that axis.
    ///
    /// ```swift
    /// Tensor<Float>([0.1, 0.7, 0.2, 0.9, 0.05, 0.05], shape: [2, 3]).argmaxIndices().indices  // [1, 0]
    /// ```
    @_specialize(where Scalar == Float)
    public func argmaxIndices(alongAxis axis: Int = -1) -> IndexTensor {
        IndexTensor(truncating: argmax(alongAxis: axis))
    }
}

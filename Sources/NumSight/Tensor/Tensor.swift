/// An n-dimensional array of `Float` or `Double` that records the operations done
/// to it, so that gradients can be computed in reverse mode.
///
/// Storage is contiguous and row-major, with value semantics: copies share their
/// scalars until one of them is changed (copy-on-write). Images are laid out
/// `[batch, height, width, channels]` (NHWC) everywhere in NumSight.
///
/// ```swift
/// let x = Tensor<Float>([1, 2, 3, 4], shape: [2, 2])
/// print(x.shape)        // [2, 2]
/// print(x.scalars)      // [1.0, 2.0, 3.0, 4.0]
/// ```
public struct Tensor<Scalar: TensorScalar> {
    /// The size of each dimension; `[]` for a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Scalar]
    /// Where this tensor sits in the gradient graph; `nil` when it records nothing.
    var node: GradientNode<Scalar>?

    init(shape: [Int], scalars: [Scalar], node: GradientNode<Scalar>?) {
        self.shape = shape
        self.scalars = scalars
        self.node = node
    }

    /// Creates a tensor of `shape` from `scalars` in row-major order.
    ///
    /// - Precondition: `scalars.count` equals the product of `shape`.
    public init(_ scalars: [Scalar], shape: [Int]) {
        require(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        require(scalars.count == shape.elementCount,
                     "Tensor: \(scalars.count) scalars cannot fill shape \(shape) (\(shape.elementCount) elements)")
        self.init(shape: shape, scalars: scalars, node: nil)
    }

    /// Creates a one-dimensional tensor holding `scalars`.
    public init(_ scalars: [Scalar]) {
        self.init(shape: [scalars.count], scalars: scalars, node: nil)
    }

    /// Creates a scalar (rank 0) tensor.
    public init(_ scalar: Scalar) {
        self.init(shape: [], scalars: [scalar], node: nil)
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var elementCount: Int { scalars.count }

    /// The only element of a one-element tensor.
    public var scalar: Scalar {
        require(scalars.count == 1, "scalar: tensor of shape \(shape) has \(scalars.count) elements, not 1")
        return scalars[0]
    }

    /// Whether operations on this tensor are recorded for differentiation.
    ///
    /// Setting it to `true` makes the tensor a leaf of the gradient graph, whose
    /// ``gradient`` is filled by ``backward(seed:retainingGraph:creatingGraph:)``.
    public var requiresGradient: Bool {
        get { node != nil }
        set {
            if newValue {
                if node == nil { node = GradientNode(leafOfShape: shape) }
            } else {
                node = nil
            }
        }
    }

    /// This tensor as a leaf that records gradients.
    @_specialize(where Scalar == Float)
    public func requiringGradient() -> Tensor {
        var copy = detached()
        copy.requiresGradient = true
        return copy
    }

    /// The same values, cut from the gradient graph (a stop-gradient).
    @_specialize(where Scalar == Float)
    public func detached() -> Tensor {
        Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// The gradient accumulated by `backward()` when this tensor is a leaf.
    public var gradient: Tensor? {
        node?.gradient
    }

    /// Runs `body` with mutable access to the scalars. The tensor stops recording
    /// gradients, since its value no longer matches the graph.
    public mutating func withUnsafeMutableScalars<Result>(
        _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> Result
    ) rethrows -> Result {
        node = nil
        return try scalars.withUnsafeMutableBufferPointer(body)
    }
}

extension Tensor: Sendable {}

extension Tensor: Equatable {
    /// Tensors are equal when their shapes and scalars are; gradient state is ignored.
    @_specialize(where Scalar == Float)
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}

extension Tensor {
    /// The same values converted to another scalar type; not recorded, as each scalar type has its own graph.
    public func converted<Other: TensorScalar>(to type: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(shape: shape, scalars: scalars.map { Other($0) }, node: nil)
    }
}

infix operator .< : ComparisonPrecedence
infix operator .<= : ComparisonPrecedence
infix operator .> : ComparisonPrecedence
infix operator .>= : ComparisonPrecedence
infix operator .== : ComparisonPrecedence
infix operator .!= : ComparisonPrecedence

/// Elementwise comparisons giving masks: tensors of ones where the comparison
/// holds and zeros elsewhere. Masks are constants: they record no gradient.
extension Tensor {
    /// A mask of ones where `lhs` is less than `rhs`, with broadcasting.
    ///
    /// ```swift
    /// Tensor<Float>([1, 5, 3]) .< Tensor([2, 2, 2])   // [1, 0, 0]
    /// ```
    @_specialize(where Scalar == Float)
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "<", <) }
    /// A mask of ones where `lhs` is less than or equal to `rhs`, with broadcasting.
    @_specialize(where Scalar == Float)
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "<=", <=) }
    /// A mask of ones where `lhs` is greater than `rhs`, with broadcasting.
    @_specialize(where Scalar == Float)
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, ">", >) }
    /// A mask of ones where `lhs` is greater than or equal to `rhs`, with broadcasting.
    @_specialize(where Scalar == Float)
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, ">=", >=) }
    /// A mask of ones where `lhs` equals `rhs`, with broadcasting.
    ///
    /// Unlike `==`, which compares whole tensors and gives a `Bool`.
    @_specialize(where Scalar == Float)
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "==", ==) }
    /// A mask of ones where `lhs` differs from `rhs`, with broadcasting.
    @_specialize(where Scalar == Float)
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "!=", !=) }

    /// A mask of ones where an element of `lhs` is less than `rhs`.
    @_specialize(where Scalar == Float)
    public static func .< (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .< Tensor(rhs) }
    /// A mask of ones where an element of `lhs` is less than or equal to `rhs`.
    @_specialize(where Scalar == Float)
    public static func .<= (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .<= Tensor(rhs) }
    /// A mask of ones where an element of `lhs` is greater than `rhs`.
    @_specialize(where Scalar == Float)
    public static func .> (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .> Tensor(rhs) }
    /// A mask of ones where an element of `lhs` is greater than or equal to `rhs`.
    @_specialize(where Scalar == Float)
    public static func .>= (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .>= Tensor(rhs) }

    /// Ones where `predicate` holds for the element, zeros elsewhere.
    @_specialize(where Scalar == Float)
    public func mask(where predicate: (Scalar) -> Bool) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map { predicate($0) ? 1 : 0 }, node: nil)
    }

    private static func compare(
        _ lhs: Tensor, _ rhs: Tensor, _ symbol: String, _ holds: (Scalar, Scalar) -> Bool
    ) -> Tensor {
        guard let shape = broadcastShape(lhs.shape, rhs.shape) else {
            fatalError("comparison \(symbol): shapes \(lhs.shape) and \(rhs.shape) do not broadcast")
        }
        let scalars = ElementwiseKernels.broadcasting(lhs.scalars, shape: lhs.shape, rhs.scalars, shape: rhs.shape,
                                                      to: shape) { holds($0, $1) ? 1 : 0 }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }
}

/// Picks from `whereTrue` where `condition` is nonzero and from `whereFalse`
/// elsewhere, with broadcasting; each branch gets the gradient where it was picked.
///
/// ```swift
/// select(x .> 0, x, 0.1 * x)   // a leaky ReLU
/// ```
@_specialize(where Scalar == Float)
public func select<Scalar>(
    _ condition: Tensor<Scalar>, _ whereTrue: Tensor<Scalar>, _ whereFalse: Tensor<Scalar>
) -> Tensor<Scalar> {
    guard let branchShape = broadcastShape(whereTrue.shape, whereFalse.shape),
          let shape = broadcastShape(branchShape, condition.shape)
    else {
        fatalError("select: condition \(condition.shape) and branches \(whereTrue.shape), "
                            + "\(whereFalse.shape) do not broadcast")
    }
    let mask = condition.mask { $0 != 0 }
    let maskOffsets = ElementwiseKernels.broadcastOffsets(from: mask.shape, to: shape)
    let trueOffsets = ElementwiseKernels.broadcastOffsets(from: whereTrue.shape, to: shape)
    let falseOffsets = ElementwiseKernels.broadcastOffsets(from: whereFalse.shape, to: shape)
    let scalars = (0..<shape.elementCount).map { index in
        mask.scalars[maskOffsets[index]] != 0
            ? whereTrue.scalars[trueOffsets[index]] : whereFalse.scalars[falseOffsets[index]]
    }
    return Tensor.recording(.select, shape: shape, scalars: scalars, inputs: [whereTrue, whereFalse]) { gradient in
        [whereTrue.requiresGradient ? (gradient * mask).summed(toShape: whereTrue.shape) : nil,
         whereFalse.requiresGradient ? (gradient * (1 - mask)).summed(toShape: whereFalse.shape) : nil]
    }
}

/// Elementwise mathematical functions, each with its derivative beside it.
extension Tensor {
    /// Each element squared; d/dx = 2x.
    @_specialize(where Scalar == Float)
    public func squared() -> Tensor {
        unary(.square, { $0 * $0 }) { gradient in 2 * gradient * self }
    }
}

/// The square root; d/dx = 1 / (2√x), read from the output.
@_specialize(where Scalar == Float)
public func sqrt<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.squareRoot, { $0.squareRoot() }) { gradient, output in gradient / (2 * output) }
}

/// 1/√x; d/dx = −½ x^(−3/2) = −½ y³.
@_specialize(where Scalar == Float)
public func rsqrt<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.reciprocalSquareRoot, { 1 / $0.squareRoot() }) { gradient, output in
        -0.5 * gradient * output * output * output
    }
}

/// eˣ; its own derivative, read from the output.
@_specialize(where Scalar == Float)
public func exp<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.exp, Scalar.exp) { gradient, output in gradient * output }
}

/// The natural logarithm; d/dx = 1/x.
@_specialize(where Scalar == Float)
public func log<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.log, Scalar.log) { gradient in gradient / x }
}

/// The absolute value; d/dx = sign(x) (0 at 0, a subgradient).
@_specialize(where Scalar == Float)
public func abs<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.abs, { Swift.abs($0) }) { gradient in gradient * sign(x) }
}

/// −1, 0 or 1 by the sign of each element; its derivative is zero wherever it exists.
@_specialize(where Scalar == Float)
public func sign<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.sign, { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }) { gradient in Tensor.zeros(shape: gradient.shape) }
}

/// The error function; d/dx = 2/√π · e^(−x²).
@_specialize(where Scalar == Float)
public func erf<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    x.unary(.erf, Scalar.erf) { gradient in
        gradient * (2 / Scalar.pi.squareRoot()) * exp(-x.squared())
    }
}

/// Each element limited to `range`; the gradient passes only where x was inside it.
@_specialize(where Scalar == Float)
public func clamp<Scalar>(_ x: Tensor<Scalar>, to range: ClosedRange<Scalar>) -> Tensor<Scalar> {
    x.unary(.clamp, { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) }) { gradient in
        gradient * x.mask { range.contains($0) }
    }
}

/// The larger of each pair; the gradient goes to `lhs` where `lhs >= rhs`, else to `rhs`.
@_specialize(where Scalar == Float)
public func maximum<Scalar>(_ lhs: Tensor<Scalar>, _ rhs: Tensor<Scalar>) -> Tensor<Scalar> {
    Tensor.binary(.maximum, lhs, rhs, { Swift.max($0, $1) }) { gradient in
        let lhsWins = lhs .>= rhs
        return (lhs.requiresGradient ? gradient * lhsWins : nil,
                rhs.requiresGradient ? gradient * (1 - lhsWins) : nil)
    }
}

/// The smaller of each pair; the gradient goes to `lhs` where `lhs <= rhs`, else to `rhs`.
@_specialize(where Scalar == Float)
public func minimum<Scalar>(_ lhs: Tensor<Scalar>, _ rhs: Tensor<Scalar>) -> Tensor<Scalar> {
    Tensor.binary(.minimum, lhs, rhs, { Swift.min($0, $1) }) { gradient in
        let lhsWins = lhs .<= rhs
        return (lhs.requiresGradient ? gradient * lhsWins : nil,
                rhs.requiresGradient ? gradient * (1 - lhsWins) : nil)
    }
}

/// Elementwise arithmetic with NumPy broadcasting.
extension Tensor {
    /// The elementwise sum, with broadcasting: shapes are aligned from the right
    /// and axes of size 1 are repeated (`[batch, n] + [n]` adds a row to every row).
    ///
    /// The gradient of each side is the output's gradient, summed back to its shape.
    ///
    /// ```swift
    /// let y = Tensor<Float>([1, 2, 3, 4], shape: [2, 2]) + Tensor([10, 20])   // [[11, 22], [13, 24]]
    /// ```
    @_specialize(where Scalar == Float)
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.add, lhs, rhs, +) { gradient in
            (lhs.requiresGradient ? gradient : nil, rhs.requiresGradient ? gradient : nil)
        }
    }

    /// The elementwise difference, with broadcasting.
    @_specialize(where Scalar == Float)
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.subtract, lhs, rhs, -) { gradient in
            (lhs.requiresGradient ? gradient : nil, rhs.requiresGradient ? -gradient : nil)
        }
    }

    /// The elementwise product, with broadcasting.
    ///
    /// d(a·b)/da = b; d(a·b)/db = a.
    @_specialize(where Scalar == Float)
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.multiply, lhs, rhs, *) { gradient in
            (lhs.requiresGradient ? gradient * rhs : nil, rhs.requiresGradient ? gradient * lhs : nil)
        }
    }

    /// The elementwise quotient, with broadcasting.
    ///
    /// d(a/b)/da = 1/b; d(a/b)/db = -a/b².
    @_specialize(where Scalar == Float)
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.divide, lhs, rhs, /) { gradient in
            (lhs.requiresGradient ? gradient / rhs : nil,
             rhs.requiresGradient ? -gradient * lhs / (rhs * rhs) : nil)
        }
    }

    /// The elementwise negation.
    public static prefix func - (x: Tensor) -> Tensor {
        x.unary(.negate, -) { -$0 }
    }

    /// Adds `rhs` to every element of `lhs`.
    @_specialize(where Scalar == Float)
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs + Tensor(rhs) }
    /// Adds `lhs` to every element of `rhs`.
    @_specialize(where Scalar == Float)
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    /// Subtracts `rhs` from every element of `lhs`.
    @_specialize(where Scalar == Float)
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs - Tensor(rhs) }
    /// Subtracts every element of `rhs` from `lhs`.
    @_specialize(where Scalar == Float)
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    /// Multiplies every element of `lhs` by `rhs`.
    @_specialize(where Scalar == Float)
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs * Tensor(rhs) }
    /// Multiplies every element of `rhs` by `lhs`.
    @_specialize(where Scalar == Float)
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    /// Divides every element of `lhs` by `rhs`.
    @_specialize(where Scalar == Float)
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs / Tensor(rhs) }
    /// Divides `lhs` by every element of `rhs`.
    @_specialize(where Scalar == Float)
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    /// Replaces `lhs` with `lhs + rhs`, a new recorded tensor (tensors are values).
    @_specialize(where Scalar == Float)
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
    /// Replaces `lhs` with `lhs - rhs`.
    @_specialize(where Scalar == Float)
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
    /// Replaces `lhs` with `lhs * rhs`.
    @_specialize(where Scalar == Float)
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
    /// Replaces `lhs` with `lhs / rhs`.
    @_specialize(where Scalar == Float)
    public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
}

/// `base` raised to `exponent`, elementwise with broadcasting.
///
/// d/dbase = exponent · base^(exponent − 1); d/dexponent = base^exponent · log(base),
/// computed only when the exponent records gradients (it needs a positive base).
@_specialize(where Scalar == Float)
public func pow<Scalar>(_ base: Tensor<Scalar>, _ exponent: Tensor<Scalar>) -> Tensor<Scalar> {
    Tensor.binary(.power, base, exponent, Scalar.pow) { gradient in
        (base.requiresGradient ? gradient * exponent * pow(base, exponent - 1) : nil,
         exponent.requiresGradient ? gradient * pow(base, exponent) * log(base) : nil)
    }
}

/// `base` raised to a constant `exponent`.
@_specialize(where Scalar == Float)
public func pow<Scalar>(_ base: Tensor<Scalar>, _ exponent: Scalar) -> Tensor<Scalar> {
    pow(base, Tensor(exponent))
}

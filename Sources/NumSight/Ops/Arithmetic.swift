/// Elementwise arithmetic with NumPy broadcasting.
extension Tensor {
    @_specialize(where Scalar == Float)
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.add, lhs, rhs, +) { gradient in
            (lhs.requiresGradient ? gradient : nil, rhs.requiresGradient ? gradient : nil)
        }
    }

    @_specialize(where Scalar == Float)
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.subtract, lhs, rhs, -) { gradient in
            (lhs.requiresGradient ? gradient : nil, rhs.requiresGradient ? -gradient : nil)
        }
    }

    @_specialize(where Scalar == Float)
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.multiply, lhs, rhs, *) { gradient in
            (lhs.requiresGradient ? gradient * rhs : nil, rhs.requiresGradient ? gradient * lhs : nil)
        }
    }

    /// d(a/b)/da = 1/b; d(a/b)/db = -a/b².
    @_specialize(where Scalar == Float)
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        binary(.divide, lhs, rhs, /) { gradient in
            (lhs.requiresGradient ? gradient / rhs : nil,
             rhs.requiresGradient ? -gradient * lhs / (rhs * rhs) : nil)
        }
    }

    public static prefix func - (x: Tensor) -> Tensor {
        x.unary(.negate, -) { -$0 }
    }

    @_specialize(where Scalar == Float)
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs + Tensor(rhs) }
    @_specialize(where Scalar == Float)
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    @_specialize(where Scalar == Float)
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs - Tensor(rhs) }
    @_specialize(where Scalar == Float)
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    @_specialize(where Scalar == Float)
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs * Tensor(rhs) }
    @_specialize(where Scalar == Float)
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    @_specialize(where Scalar == Float)
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs / Tensor(rhs) }
    @_specialize(where Scalar == Float)
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    @_specialize(where Scalar == Float)
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
    @_specialize(where Scalar == Float)
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
    @_specialize(where Scalar == Float)
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scalar types a ``Tensor`` can hold: `Float` (the fast path) and `Double`
/// (for exact gradient checks and users who need the precision).
///
/// The requirements are the elementary functions the op catalogue needs, so
/// that ops are written once, generically.
public protocol TensorScalar: BinaryFloatingPoint, Sendable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// e raised to `x`.
    static func exp(_ x: Self) -> Self
    /// The natural logarithm of `x`.
    static func log(_ x: Self) -> Self
    /// `log(1 + x)`, accurate for small `x`.
    static func log1p(_ x: Self) -> Self
    /// The hyperbolic tangent of `x`.
    static func tanh(_ x: Self) -> Self
    /// The error function of `x`.
    static func erf(_ x: Self) -> Self
    /// `x` raised to `exponent`.
    static func pow(_ x: Self, _ exponent: Self) -> Self
}

extension Float: TensorScalar {
    public static func exp(_ x: Float) -> Float { expf(x) }
    public static func log(_ x: Float) -> Float { logf(x) }
    public static func log1p(_ x: Float) -> Float { log1pf(x) }
    public static func tanh(_ x: Float) -> Float { tanhf(x) }
    public static func erf(_ x: Float) -> Float { erff(x) }
    public static func pow(_ x: Float, _ exponent: Float) -> Float { powf(x, exponent) }
}

extension Double: TensorScalar {
    public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    public static func log(_ x: Double) -> Double { Glibc.log(x) }
    public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    public static func erf(_ x: Double) -> Double { Glibc.erf(x) }
    public static func pow(_ x: Double, _ exponent: Double) -> Double { Glibc.pow(x, exponent) }
}

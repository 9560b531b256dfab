#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("NumSight needs the C library of Linux (Glibc or Musl) or of an Apple platform (Darwin)")
#endif

/// The C library's elementary functions, for ``TensorScalar``, the random number generator and
/// the learning-rate schedules.
///
/// This is the one file of NumSight that names a platform module (`.ci/check-platform-imports`
/// fails when another does); the files that write files use Foundation, which brings the same C
/// library on every platform.
enum CLibrary {
    /// e raised to `x`.
    static func exponential(_ x: Float) -> Float { expf(x) }
    /// e raised to `x`.
    static func exponential(_ x: Double) -> Double { exp(x) }
    /// The natural logarithm of `x`.
    static func logarithm(_ x: Float) -> Float { logf(x) }
    /// The natural logarithm of `x`.
    static func logarithm(_ x: Double) -> Double { log(x) }
    /// `log(1 + x)`, accurate for small `x`.
    static func logarithmOfOnePlus(_ x: Float) -> Float { log1pf(x) }
    /// `log(1 + x)`, accurate for small `x`.
    static func logarithmOfOnePlus(_ x: Double) -> Double { log1p(x) }
    /// The hyperbolic tangent of `x`.
    static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
    /// The hyperbolic tangent of `x`.
    static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
    /// The error function of `x`.
    static func errorFunction(_ x: Float) -> Float { erff(x) }
    /// The error function of `x`.
    static func errorFunction(_ x: Double) -> Double { erf(x) }
    /// `x` raised to `exponent`.
    static func power(_ x: Float, _ exponent: Float) -> Float { powf(x, exponent) }
    /// `x` raised to `exponent`.
    static func power(_ x: Double, _ exponent: Double) -> Double { pow(x, exponent) }
    /// The cosine of `x` radians.
    static func cosine(_ x: Double) -> Double { cos(x) }
}

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
    /// e raised to `x`, with the C library's `expf`.
    public static func exp(_ x: Float) -> Float { CLibrary.exponential(x) }
    /// The natural logarithm of `x`, with `logf`.
    public static func log(_ x: Float) -> Float { CLibrary.logarithm(x) }
    /// `log(1 + x)`, accurate for small `x`, with `log1pf`.
    public static func log1p(_ x: Float) -> Float { CLibrary.logarithmOfOnePlus(x) }
    /// The hyperbolic tangent of `x`, with `tanhf`.
    public static func tanh(_ x: Float) -> Float { CLibrary.hyperbolicTangent(x) }
    /// The error function of `x`, with `erff`.
    public static func erf(_ x: Float) -> Float { CLibrary.errorFunction(x) }
    /// `x` raised to `exponent`, with `powf`.
    public static func pow(_ x: Float, _ exponent: Float) -> Float { CLibrary.power(x, exponent) }
}

extension Double: TensorScalar {
    /// e raised to `x`, with the C library's `exp`.
    public static func exp(_ x: Double) -> Double { CLibrary.exponential(x) }
    /// The natural logarithm of `x`, with the C library's `log`.
    public static func log(_ x: Double) -> Double { CLibrary.logarithm(x) }
    /// `log(1 + x)`, accurate for small `x`, with the C library's `log1p`.
    public static func log1p(_ x: Double) -> Double { CLibrary.logarithmOfOnePlus(x) }
    /// The hyperbolic tangent of `x`, with the C library's `tanh`.
    public static func tanh(_ x: Double) -> Double { CLibrary.hyperbolicTangent(x) }
    /// The error function of `x`, with the C library's `erf`.
    public static func erf(_ x: Double) -> Double { CLibrary.errorFunction(x) }
    /// `x` raised to `exponent`, with the C library's `pow`.
    public static func pow(_ x: Double, _ exponent: Double) -> Double { CLibrary.power(x, exponent) }
}

// MARK: Buffers for the C kernels

extension Array where Element: TensorScalar {
    /// These scalars as `[Float]`, without a copy, when the elements are `Float`; `nil` for
    /// any other scalar. With ``doubles`` and ``init(reinterpreting:)``, the one place where
    /// the C kernels' element types are told apart from the generic scalar.
    var floats: [Float]? { reinterpreted(as: Float.self) }

    /// These scalars as `[Double]`, without a copy, when the elements are `Double`; `nil` otherwise.
    var doubles: [Double]? { reinterpreted(as: Double.self) }

    /// A kernel's result as scalars of this array's type, without a copy: `buffer` was made
    /// from ``floats`` or ``doubles`` of this type, so its element type is `Element`.
    init<Kernel: TensorScalar>(reinterpreting buffer: [Kernel]) {
        require(Kernel.self == Element.self, "a \(Kernel.self) kernel's result read as \(Element.self)")
        self = unsafeBitCast(buffer, to: [Element].self)
    }

    /// Runs `body` on this buffer's memory as `Float`s when the elements are `Float`, in
    /// place; returns `nil`, calling nothing, for any other scalar.
    mutating func withUnsafeMutableFloats<Result>(
        _ body: (UnsafeMutableBufferPointer<Float>) -> Result
    ) -> Result? {
        guard Element.self == Float.self else { return nil }
        return withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Float.self, body)
        }
    }

    private func reinterpreted<Kernel: TensorScalar>(as type: Kernel.Type) -> [Kernel]? {
        Element.self == Kernel.self ? unsafeBitCast(self, to: [Kernel].self) : nil
    }
}

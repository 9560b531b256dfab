/// Which formula ``gelu(_:approximation:)`` uses.
public enum GELUApproximation: Sendable, Hashable {
    /// x · Φ(x) with the error function, as ``gelu(_:)``.
    case none
    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))), the form of GPT-2 and BERT
    /// (PyTorch's `approximate="tanh"`, mlx's `gelu_approx`).
    case tanh
}

/// The Gaussian error linear unit, exactly or in its tanh form.
///
/// ```swift
/// gelu(x, approximation: .tanh)
/// ```
@_specialize(where Scalar == Float)
public func gelu<Scalar>(_ x: Tensor<Scalar>, approximation: GELUApproximation) -> Tensor<Scalar> {
    switch approximation {
    case .none:
        return gelu(x)
    case .tanh:
        // ½(1 + tanh(u)) = sigmoid(2u): one op instead of three.
        let inner = Scalar(2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)
        return x * sigmoid(2 * inner)
    }
}

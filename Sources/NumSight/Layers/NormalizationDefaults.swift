/// The momentum and epsilon of a framework's normalisation layers, so that a model
/// ported from it behaves the same. NumSight's own defaults are Keras'.
///
/// | | momentum (ours: share of the running statistics kept) | epsilon |
/// |---|---|---|
/// | ``keras`` | 0.99 | 1e-3 |
/// | ``pyTorch`` | 0.9 (PyTorch writes it 0.1, the share of the batch) | 1e-5 |
///
/// One difference remains: PyTorch updates the running variance with the unbiased
/// batch variance (dividing by n − 1); NumSight with the population variance.
///
/// ```swift
/// let norm = BatchNorm<Float>(featureCount: 64, defaults: .pyTorch)
/// ```
public enum NormalizationDefaults: Sendable, Hashable {
    /// Keras' and TensorFlow's: momentum 0.99, epsilon 1e-3.
    case keras
    /// PyTorch's and mlx's: momentum 0.9 in NumSight's sense, epsilon 1e-5.
    case pyTorch

    /// How much of the running statistics a training step keeps.
    public var momentum: Double { self == .keras ? 0.99 : 0.9 }
    /// Added to the variance before the square root.
    public var epsilon: Double { self == .keras ? 1e-3 : 1e-5 }
}

extension BatchNorm {
    /// Creates a batch normalisation layer with a framework's momentum and epsilon.
    public convenience init(featureCount: Int, defaults: NormalizationDefaults) {
        self.init(featureCount: featureCount, momentum: Scalar(defaults.momentum), epsilon: Scalar(defaults.epsilon))
    }
}

extension LayerNorm {
    /// Creates a layer normalisation layer with a framework's epsilon.
    public convenience init(featureCount: Int, defaults: NormalizationDefaults) {
        self.init(featureCount: featureCount, epsilon: Scalar(defaults.epsilon))
    }
}

/// Layers applied one after another; parameters are named by position
/// (`layers.0.weight`).
///
/// ```swift
/// let model = Sequential<Float>([
///     Dense(inputSize: 2, outputSize: 8, activation: tanh),
///     Dense(inputSize: 8, outputSize: 1),
/// ])
/// ```
public final class Sequential<Scalar: TensorScalar>: Layer {
    /// The layers, in the order they are applied.
    public let layers: [any Layer<Scalar>]

    /// Creates a model that applies `layers` in order.
    public init(_ layers: [any Layer<Scalar>]) { self.layers = layers }

    /// Applies each layer to the previous one's output, starting with `input`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        layers.reduce(input) { $1($0) }
    }
}

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

    /// Applies each layer to the previous one's output, starting with `input`. A ``BatchNorm``
    /// followed by ``Activation/relu`` runs as one op, which gives the same numbers.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        var output = input
        var index = layers.startIndex
        while index < layers.endIndex {
            if let norm = layers[index] as? BatchNorm<Scalar>, index + 1 < layers.endIndex,
               (layers[index + 1] as? Activation<Scalar>)?.isReLU == true {
                output = norm.appliedWithReLU(output)
                index += 2
            } else {
                output = layers[index](output)
                index += 1
            }
        }
        return output
    }
}

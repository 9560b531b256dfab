/// A fully connected layer: `activation(input · weight + bias)`.
///
/// - Input: `[batch, inputSize]` (or `[…, inputSize]`).
/// - Output: `[batch, outputSize]` (or `[…, outputSize]`).
/// - Parameters: `weight` `[inputSize, outputSize]` (Glorot-uniform by default, as
///   in Keras) and `bias` `[outputSize]` (zeros).
///
/// ```swift
/// let layer = Dense<Float>(inputSize: 784, outputSize: 128, activation: relu)
/// let hidden = layer(images.reshaped(to: [-1, 784]))   // [batch, 128]
/// ```
public final class Dense<Scalar: TensorScalar>: Layer {
    public let weight: Parameter<Scalar>
    public let bias: Parameter<Scalar>?
    public let activation: (Tensor<Scalar>) -> Tensor<Scalar>

    public init(
        inputSize: Int, outputSize: Int, activation: @escaping (Tensor<Scalar>) -> Tensor<Scalar> = { $0 },
        useBias: Bool = true, weightInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros
    ) {
        weight = Parameter(weightInitializer.tensor(shape: [inputSize, outputSize]))
        bias = useBias ? Parameter(biasInitializer.tensor(shape: [outputSize])) : nil
        self.activation = activation
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        let product = matmul(input, weight.value)
        return activation(bias.map { product + $0.value } ?? product)
    }
}

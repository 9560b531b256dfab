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
    /// The weight matrix, `[inputSize, outputSize]`.
    public let weight: Parameter<Scalar>
    /// The bias, `[outputSize]`, or `nil` without one.
    public let bias: Parameter<Scalar>?
    /// The function applied to `input · weight + bias`.
    public let activation: (Tensor<Scalar>) -> Tensor<Scalar>

    /// Creates a fully connected layer.
    ///
    /// - Parameters:
    ///   - inputSize: The size of the input's last axis.
    ///   - outputSize: The size of the output's last axis.
    ///   - activation: Applied to the output, the identity by default.
    ///   - useBias: Whether the layer adds a learned bias.
    ///   - weightInitializer: How the weight starts (Glorot-uniform).
    ///   - biasInitializer: How the bias starts (zeros).
    public init(
        inputSize: Int, outputSize: Int, activation: @escaping (Tensor<Scalar>) -> Tensor<Scalar> = { $0 },
        useBias: Bool = true, weightInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros
    ) {
        weight = Parameter(weightInitializer.tensor(shape: [inputSize, outputSize]))
        bias = useBias ? Parameter(biasInitializer.tensor(shape: [outputSize])) : nil
        self.activation = activation
    }

    /// `activation(input · weight + bias)`: `[…, inputSize]` → `[…, outputSize]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        let product = matmul(input, weight.value)
        return activation(bias.map { product + $0.value } ?? product)
    }
}

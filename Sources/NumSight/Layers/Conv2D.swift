/// A 2-D convolution layer over NHWC images: `activation(conv2D(input, weight) + bias)`.
///
/// - Input: `[batch, height, width, inputChannels]`.
/// - Output: `[batch, outHeight, outWidth, outputChannels]`; with `.same` padding
///   outHeight = ⌈height / stride⌉, with `.valid` (Keras' default)
///   ⌊(height − dilation·(kernelHeight − 1) − 1) / stride⌋ + 1.
/// - Parameters: `weight` `[kernelHeight, kernelWidth, inputChannels, outputChannels]`
///   (Glorot-uniform) and `bias` `[outputChannels]` (zeros).
///
/// ```swift
/// let conv = Conv2D<Float>(inputChannels: 1, outputChannels: 32, kernelSize: (3, 3), padding: .same)
/// conv(images).shape   // [128, 28, 28, 32] for [128, 28, 28, 1] images
/// ```
public final class Conv2D<Scalar: TensorScalar>: Layer {
    public let weight: Parameter<Scalar>
    public let bias: Parameter<Scalar>?
    public let strides: (Int, Int)
    public let padding: Padding
    public let dilations: (Int, Int)
    public let activation: (Tensor<Scalar>) -> Tensor<Scalar>

    public init(
        inputChannels: Int, outputChannels: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1),
        padding: Padding = .valid, dilations: (Int, Int) = (1, 1),
        activation: @escaping (Tensor<Scalar>) -> Tensor<Scalar> = { $0 }, useBias: Bool = true,
        weightInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros
    ) {
        weight = Parameter(weightInitializer.tensor(shape: [kernelSize.0, kernelSize.1, inputChannels, outputChannels]))
        bias = useBias ? Parameter(biasInitializer.tensor(shape: [outputChannels])) : nil
        self.strides = strides
        self.padding = padding
        self.dilations = dilations
        self.activation = activation
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        activation(conv2D(input, filter: weight.value, bias: bias?.value, strides: strides, padding: padding,
                          dilations: dilations))
    }
}

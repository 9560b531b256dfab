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
    /// The filters, `[kernelHeight, kernelWidth, inputChannels, outputChannels]`.
    public let weight: Parameter<Scalar>
    /// The per-channel bias, `[outputChannels]`, or `nil` without one.
    public let bias: Parameter<Scalar>?
    /// The step between windows along height and width.
    public let strides: (Int, Int)
    /// How the input's borders are handled: ``Padding/valid`` or ``Padding/same``.
    public let padding: Padding
    /// The spacing between kernel taps along height and width (1 is dense).
    public let dilations: (Int, Int)
    /// The function applied to the convolution's output.
    public let activation: (Tensor<Scalar>) -> Tensor<Scalar>

    /// Creates a convolution layer.
    ///
    /// - Parameters:
    ///   - inputChannels: The size of the input's last axis.
    ///   - outputChannels: The number of filters, the size of the output's last axis.
    ///   - kernelSize: The filter's height and width.
    ///   - strides: The step between windows along height and width.
    ///   - padding: ``Padding/valid`` (no padding) or ``Padding/same`` (output size ⌈input / stride⌉).
    ///   - dilations: The spacing between kernel taps along height and width.
    ///   - activation: Applied to the output, the identity by default.
    ///   - useBias: Whether the layer adds a learned bias.
    ///   - weightInitializer: How the filters start (Glorot-uniform).
    ///   - biasInitializer: How the bias starts (zeros).
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

    /// Convolves `input` (`[batch, height, width, inputChannels]`) with ``weight``,
    /// adds ``bias`` and applies ``activation``.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        activation(conv2D(input, filter: weight.value, bias: bias?.value, strides: strides, padding: padding,
                          dilations: dilations))
    }
}

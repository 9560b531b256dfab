/// A 1-D convolution layer over sequences; see ``conv1D(_:filter:bias:stride:padding:dilation:)``.
///
/// - Input: `[batch, length, inputChannels]`; output `[batch, outLength, outputChannels]`.
/// - Parameters: `weight` `[kernelSize, inputChannels, outputChannels]` (Glorot-uniform)
///   and `bias` `[outputChannels]` (zeros).
public final class Conv1D<Scalar: TensorScalar>: Layer {
    /// The filters, `[kernelSize, inputChannels, outputChannels]`.
    public let weight: Parameter<Scalar>
    /// The per-channel bias, or `nil`.
    public let bias: Parameter<Scalar>?
    /// The step between windows.
    public let stride: Int
    /// How the sequence's ends are handled.
    public let padding: Padding
    /// The spacing between kernel taps.
    public let dilation: Int

    /// Creates a 1-D convolution layer.
    public init(inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Padding = .valid,
                dilation: Int = 1, useBias: Bool = true) {
        weight = Parameter(Initializer.glorotUniform.tensor(shape: [kernelSize, inputChannels, outputChannels]))
        bias = useBias ? Parameter(.zeros(shape: [outputChannels])) : nil
        (self.stride, self.padding, self.dilation) = (stride, padding, dilation)
    }

    /// Convolves `input` with ``weight`` and adds ``bias``.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        conv1D(input, filter: weight.value, bias: bias?.value, stride: stride, padding: padding, dilation: dilation)
    }
}

/// A transposed 2-D convolution layer, to upsample NHWC images; see
/// ``transposedConv2D(_:filter:bias:strides:padding:)``.
///
/// - Parameters: `weight` `[kernelHeight, kernelWidth, outputChannels, inputChannels]`
///   (Glorot-uniform) and `bias` `[outputChannels]` (zeros).
public final class TransposedConv2D<Scalar: TensorScalar>: Layer {
    /// The filters, `[kernelHeight, kernelWidth, outputChannels, inputChannels]`.
    public let weight: Parameter<Scalar>
    /// The per-channel bias, or `nil`.
    public let bias: Parameter<Scalar>?
    /// The upsampling factors along height and width.
    public let strides: (Int, Int)
    /// The padding of the transposed convolution.
    public let padding: Padding

    /// Creates a transposed convolution layer.
    public init(inputChannels: Int, outputChannels: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1),
                padding: Padding = .valid, useBias: Bool = true) {
        weight = Parameter(Initializer.glorotUniform.tensor(
            shape: [kernelSize.0, kernelSize.1, outputChannels, inputChannels]))
        bias = useBias ? Parameter(.zeros(shape: [outputChannels])) : nil
        (self.strides, self.padding) = (strides, padding)
    }

    /// Upsamples `input` `[batch, height, width, inputChannels]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        transposedConv2D(input, filter: weight.value, bias: bias?.value, strides: strides, padding: padding)
    }
}

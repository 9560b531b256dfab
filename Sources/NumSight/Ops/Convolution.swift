/// How a convolution or pooling window treats the image border.
public enum Padding: Hashable, Sendable {
    /// No padding: windows stay inside the image.
    case valid
    /// Zero padding so that the output has ⌈input / stride⌉ positions; an odd
    /// total goes to the bottom and right, as in TensorFlow and Keras.
    case same
    /// These many zero rows and columns on each side.
    case explicit(top: Int, bottom: Int, left: Int, right: Int)
}

extension ConvolutionGeometry {
    /// The geometry of convolving `inputShape` (NHWC) with `filterShape` (HWIO).
    init(inputShape: [Int], filterShape: [Int], strides: (Int, Int), padding: Padding, dilations: (Int, Int)) {
        require(inputShape.count == 4 && filterShape.count == 4 && inputShape[3] == filterShape[2],
                     "conv2D: input \(inputShape) (NHWC) and filter \(filterShape) (HWIO) do not fit")
        require(strides.0 > 0 && strides.1 > 0 && dilations.0 > 0 && dilations.1 > 0,
                     "conv2D: strides \(strides) and dilations \(dilations) must be positive")
        let (height, top) = Self.axis(input: inputShape[1], window: filterShape[0], stride: strides.0,
                                      dilation: dilations.0, padding: padding, isVertical: true)
        let (width, left) = Self.axis(input: inputShape[2], window: filterShape[1], stride: strides.1,
                                      dilation: dilations.1, padding: padding, isVertical: false)
        self.init(batch: inputShape[0], inputHeight: inputShape[1], inputWidth: inputShape[2],
                  inputChannels: inputShape[3], outputHeight: height, outputWidth: width,
                  outputChannels: filterShape[3], kernelHeight: filterShape[0], kernelWidth: filterShape[1],
                  strideHeight: strides.0, strideWidth: strides.1, paddingTop: top, paddingLeft: left,
                  dilationHeight: dilations.0, dilationWidth: dilations.1)
    }

    /// The output length along one axis and the padding before its first element.
    static func axis(
        input: Int, window: Int, stride: Int, dilation: Int, padding: Padding, isVertical: Bool
    ) -> (size: Int, leadingPadding: Int) {
        let span = dilation * (window - 1) + 1
        switch padding {
        case .valid:
            return (input >= span ? (input - span) / stride + 1 : 0, 0)
        case .same:
            let size = (input + stride - 1) / stride
            return (size, Swift.max((size - 1) * stride + span - input, 0) / 2)
        case let .explicit(top, bottom, left, right):
            let (before, after) = isVertical ? (top, bottom) : (left, right)
            require(before >= 0 && after >= 0, "padding \(padding) must not be negative")
            let padded = input + before + after
            return (padded >= span ? (padded - span) / stride + 1 : 0, before)
        }
    }
}

/// A 2-D convolution (cross-correlation, as in every deep-learning framework).
///
/// - Parameters:
///   - input: `[batch, height, width, inChannels]`.
///   - filter: `[kernelHeight, kernelWidth, inChannels, outChannels]`.
///   - bias: `[outChannels]`, added to every position, or `nil`.
///   - strides: The step between windows along height and width.
///   - padding: ``Padding/valid`` (none), ``Padding/same`` or ``Padding/explicit(top:bottom:left:right:)``.
///   - dilations: The spacing between kernel taps along height and width (1 is dense).
/// - Returns: `[batch, outHeight, outWidth, outChannels]`, where for `.valid`
///   padding outHeight = ⌊(height − dilation·(kernelHeight − 1) − 1) / stride⌋ + 1,
///   and for `.same` outHeight = ⌈height / stride⌉.
///
/// ```swift
/// let y = conv2D(images, filter: weight, bias: bias, padding: .same)  // [128, 28, 28, 1] → [128, 28, 28, 32]
/// ```
///
/// The gradients are convolutions too (the input's and the filter's), and those
/// three operations are each other's pullbacks, so convolutions differentiate twice.
@_specialize(where Scalar == Float)
public func conv2D<Scalar>(
    _ input: Tensor<Scalar>, filter: Tensor<Scalar>, bias: Tensor<Scalar>? = nil,
    strides: (Int, Int) = (1, 1), padding: Padding = .valid, dilations: (Int, Int) = (1, 1)
) -> Tensor<Scalar> {
    let geometry = ConvolutionGeometry(inputShape: input.shape, filterShape: filter.shape, strides: strides,
                                       padding: padding, dilations: dilations)
    if let bias {
        require(bias.shape == [geometry.outputChannels],
                "conv2D: bias shape \(bias.shape) should be [\(geometry.outputChannels)]")
    }
    return conv2D(input, filter: filter, bias: bias, geometry: geometry)
}

@_specialize(where Scalar == Float)
func conv2D<Scalar>(
    _ input: Tensor<Scalar>, filter: Tensor<Scalar>, bias: Tensor<Scalar>? = nil, geometry: ConvolutionGeometry
) -> Tensor<Scalar> {
    var scalars = ConvolutionKernels.forward(geometry, input: input.scalars, filter: filter.scalars)
    // The bias joins in place, while the output is fresh: no second buffer, no second op.
    if let bias { ElementwiseKernels.addBias(bias.scalars, to: &scalars) }
    return Tensor.recording(.conv2D, shape: geometry.outputShape, scalars: scalars,
                            inputs: [input, filter] + (bias.map { [$0] } ?? [])) { gradient in
        [input.requiresGradient ? conv2DBackwardInput(gradient, filter: filter, geometry: geometry) : nil,
         filter.requiresGradient ? conv2DBackwardFilter(input, outputGradient: gradient, geometry: geometry) : nil]
            + (bias.map { [$0.requiresGradient ? gradient.sum(alongAxes: [0, 1, 2]) : nil] } ?? [])
    }
}

/// The gradient of ``conv2D`` with respect to its input: linear in both
/// arguments, so its own pullback is a forward convolution and a filter gradient.
@_specialize(where Scalar == Float)
func conv2DBackwardInput<Scalar>(
    _ outputGradient: Tensor<Scalar>, filter: Tensor<Scalar>, geometry: ConvolutionGeometry
) -> Tensor<Scalar> {
    let scalars = ConvolutionKernels.backwardInput(geometry, outputGradient: outputGradient.scalars,
                                                   filter: filter.scalars)
    return Tensor.recording(.conv2DBackwardInput, shape: geometry.inputShape, scalars: scalars,
                            inputs: [outputGradient, filter]) { gradient in
        [outputGradient.requiresGradient ? conv2D(gradient, filter: filter, geometry: geometry) : nil,
         filter.requiresGradient
            ? conv2DBackwardFilter(gradient, outputGradient: outputGradient, geometry: geometry) : nil]
    }
}

/// The gradient of ``conv2D`` with respect to its filter.
@_specialize(where Scalar == Float)
func conv2DBackwardFilter<Scalar>(
    _ input: Tensor<Scalar>, outputGradient: Tensor<Scalar>, geometry: ConvolutionGeometry
) -> Tensor<Scalar> {
    let scalars = ConvolutionKernels.backwardFilter(geometry, input: input.scalars,
                                                    outputGradient: outputGradient.scalars)
    return Tensor.recording(.conv2DBackwardFilter, shape: geometry.filterShape, scalars: scalars,
                            inputs: [input, outputGradient]) { gradient in
        [input.requiresGradient ? conv2DBackwardInput(outputGradient, filter: gradient, geometry: geometry) : nil,
         outputGradient.requiresGradient ? conv2D(input, filter: gradient, geometry: geometry) : nil]
    }
}

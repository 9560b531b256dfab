extension ConvolutionGeometry {
    /// The geometry of pooling `inputShape` (NHWC) with a window, keeping the channels.
    init(poolingShape inputShape: [Int], window: (Int, Int), strides: (Int, Int), padding: Padding) {
        require(inputShape.count == 4, "pooling: input shape \(inputShape) is not NHWC")
        require(window.0 > 0 && window.1 > 0 && strides.0 > 0 && strides.1 > 0,
                     "pooling: window \(window) and strides \(strides) must be positive")
        self.init(inputShape: inputShape, filterShape: [window.0, window.1, inputShape[3], inputShape[3]],
                  strides: strides, padding: padding, dilations: (1, 1))
    }
}

extension ConvolutionGeometry {
    /// Whether some pooling window holds no position of the image. Padding is only at the
    /// borders, so only the first or the last window along an axis can.
    var hasWindowInPaddingOnly: Bool {
        func isOutside(output: Int, input: Int, window: Int, stride: Int, padding: Int) -> Bool {
            output > 0 && (window - padding <= 0 || (output - 1) * stride - padding >= input)
        }
        return isOutside(output: outputHeight, input: inputHeight, window: kernelHeight, stride: strideHeight,
                         padding: paddingTop)
            || isOutside(output: outputWidth, input: inputWidth, window: kernelWidth, stride: strideWidth,
                         padding: paddingLeft)
    }
}

/// The largest value in each window, per channel.
///
/// - Parameters:
///   - input: `[batch, height, width, channels]`.
///   - window: The window's height and width.
///   - strides: The step between windows; by default the window size.
///   - padding: ``Padding/valid`` (windows inside the input) or ``Padding/same``.
/// - Returns: `[batch, outHeight, outWidth, channels]`, with outHeight =
///   ⌊(height − windowHeight) / stride⌋ + 1 for `.valid` and ⌈height / stride⌉ for `.same`.
///
/// The gradient goes to the (first) largest input of each window.
///
/// ```swift
/// maxPool2D(x, window: (2, 2))   // [128, 28, 28, 32] → [128, 14, 14, 32]
/// ```
@_specialize(where Scalar == Float)
public func maxPool2D<Scalar>(
    _ input: Tensor<Scalar>, window: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid
) -> Tensor<Scalar> {
    let geometry = ConvolutionGeometry(poolingShape: input.shape, window: window, strides: strides ?? window,
                                       padding: padding)
    require(!geometry.hasWindowInPaddingOnly,
                 "maxPool2D: a window of \(window) lies entirely in the padding of \(input.shape)")
    let (values, offsets) = PoolingKernels.maximum(geometry, input: input.scalars)
    return Tensor.recording(.maxPool2D, shape: geometry.outputShape, scalars: values, inputs: [input]) { gradient in
        [maxPool2DBackward(gradient, offsets: offsets, geometry: geometry)]
    }
}

/// The gradient of ``maxPool2D(_:window:strides:padding:)``: each output gradient added to
/// the input at `offsets`, the position of its window's maximum. Linear, and its adjoint
/// is reading the gradient back at those offsets.
@_specialize(where Scalar == Float)
func maxPool2DBackward<Scalar>(
    _ outputGradient: Tensor<Scalar>, offsets: [Int], geometry: ConvolutionGeometry
) -> Tensor<Scalar> {
    let scalars = PoolingKernels.maximumBackward(geometry, outputGradient: outputGradient.scalars, offsets: offsets)
    return Tensor.recording(.maxPool2DBackward, shape: geometry.inputShape, scalars: scalars,
                            inputs: [outputGradient]) { gradient in
        [gradient.gathered(.gather, offsets: offsets, shape: geometry.outputShape)]
    }
}

/// The mean of each window, per channel, counting only positions inside the
/// image (as Keras does). Shapes as in ``maxPool2D(_:window:strides:padding:)``.
@_specialize(where Scalar == Float)
public func avgPool2D<Scalar>(
    _ input: Tensor<Scalar>, window: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid
) -> Tensor<Scalar> {
    let geometry = ConvolutionGeometry(poolingShape: input.shape, window: window, strides: strides ?? window,
                                       padding: padding)
    return avgPool2D(input, geometry: geometry)
}

@_specialize(where Scalar == Float)
func avgPool2D<Scalar>(_ input: Tensor<Scalar>, geometry: ConvolutionGeometry) -> Tensor<Scalar> {
    let scalars = PoolingKernels.averageForward(geometry, input: input.scalars)
    return Tensor.recording(.avgPool2D, shape: geometry.outputShape, scalars: scalars, inputs: [input]) { gradient in
        [avgPool2DBackward(gradient, geometry: geometry)]
    }
}

/// The gradient of average pooling: linear, and its adjoint is average pooling itself.
@_specialize(where Scalar == Float)
func avgPool2DBackward<Scalar>(_ outputGradient: Tensor<Scalar>, geometry: ConvolutionGeometry) -> Tensor<Scalar> {
    let scalars = PoolingKernels.averageBackward(geometry, outputGradient: outputGradient.scalars)
    return Tensor.recording(.avgPool2DBackward, shape: geometry.inputShape, scalars: scalars,
                            inputs: [outputGradient]) { gradient in
        [avgPool2D(gradient, geometry: geometry)]
    }
}

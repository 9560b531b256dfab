/// A 1-D convolution over sequences: ``conv2D(_:filter:bias:strides:padding:dilations:)``
/// on a height of one.
///
/// - Parameters:
///   - input: `[batch, length, inChannels]`.
///   - filter: `[kernelSize, inChannels, outChannels]`.
///   - bias: `[outChannels]`, or `nil`.
///   - stride: The step between windows.
///   - padding: ``Padding/valid``, ``Padding/same``, or ``Padding/explicit(top:bottom:left:right:)``
///     of which `left` and `right` pad the sequence (`top` and `bottom` must be 0).
///   - dilation: The spacing between kernel taps.
/// - Returns: `[batch, outLength, outChannels]`, outLength as for one axis of `conv2D`.
///
/// ```swift
/// let y = conv1D(sequence, filter: weight, padding: .same)   // [8, 100, 16] → [8, 100, 32]
/// ```
@_specialize(where Scalar == Float)
public func conv1D<Scalar>(
    _ input: Tensor<Scalar>, filter: Tensor<Scalar>, bias: Tensor<Scalar>? = nil, stride: Int = 1,
    padding: Padding = .valid, dilation: Int = 1
) -> Tensor<Scalar> {
    require(input.rank == 3 && filter.rank == 3,
            "conv1D: input \(input.shape) should be [batch, length, channels] and filter \(filter.shape) "
                + "[kernelSize, inChannels, outChannels]")
    if case let .explicit(top, bottom, _, _) = padding {
        require(top == 0 && bottom == 0, "conv1D: padding \(padding) pads a height the sequence does not have")
    }
    let output = conv2D(input.expandingShape(at: 1), filter: filter.expandingShape(at: 0), bias: bias,
                        strides: (1, stride), padding: padding, dilations: (1, dilation))
    return output.squeezingShape(at: [1])
}

/// The transposed 2-D convolution (sometimes called deconvolution): the gradient of
/// ``conv2D(_:filter:bias:strides:padding:dilations:)`` with respect to its input, used
/// to upsample. Each input pixel spreads a filter-weighted patch over the output.
///
/// - Parameters:
///   - input: `[batch, height, width, inChannels]`.
///   - filter: `[kernelHeight, kernelWidth, outChannels, inChannels]` (TensorFlow's layout:
///     the filter of the convolution this one transposes).
///   - bias: `[outChannels]`, or `nil`.
///   - strides: The upsampling factors along height and width.
///   - padding: The padding of the transposed convolution.
/// - Returns: `[batch, outHeight, outWidth, outChannels]` with, for `.valid`,
///   outHeight = (height − 1) · stride + kernelHeight, and for `.same` height · stride.
///
/// ```swift
/// let y = transposedConv2D(x, filter: weight, strides: (2, 2), padding: .same)  // [1, 7, 7, 8] → [1, 14, 14, 4]
/// ```
@_specialize(where Scalar == Float)
public func transposedConv2D<Scalar>(
    _ input: Tensor<Scalar>, filter: Tensor<Scalar>, bias: Tensor<Scalar>? = nil, strides: (Int, Int) = (1, 1),
    padding: Padding = .valid
) -> Tensor<Scalar> {
    require(input.rank == 4 && filter.rank == 4 && input.shape[3] == filter.shape[3],
            "transposedConv2D: input \(input.shape) (NHWC) and filter \(filter.shape) "
                + "[kernelHeight, kernelWidth, outChannels, inChannels] do not fit")
    func length(_ size: Int, kernel: Int, stride: Int, before: Int, after: Int) -> Int {
        padding == .same ? size * stride : (size - 1) * stride + kernel - before - after
    }
    var (top, bottom, left, right) = (0, 0, 0, 0)
    if case let .explicit(t, b, l, r) = padding { (top, bottom, left, right) = (t, b, l, r) }
    let outputShape = [input.shape[0],
                       length(input.shape[1], kernel: filter.shape[0], stride: strides.0, before: top, after: bottom),
                       length(input.shape[2], kernel: filter.shape[1], stride: strides.1, before: left, after: right),
                       filter.shape[2]]
    let geometry = ConvolutionGeometry(inputShape: outputShape, filterShape: filter.shape, strides: strides,
                                       padding: padding, dilations: (1, 1))
    require(geometry.outputShape == input.shape,
            "transposedConv2D: input \(input.shape) does not come from \(outputShape) by that convolution")
    let output = conv2DBackwardInput(input, filter: filter, geometry: geometry)
    guard let bias else { return output }
    require(bias.shape == [filter.shape[2]], "transposedConv2D: bias \(bias.shape) should be [\(filter.shape[2])]")
    return output + bias
}

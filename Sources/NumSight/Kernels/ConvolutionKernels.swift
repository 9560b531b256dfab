import CNumSightKernels

/// The sizes of one 2-D convolution over NHWC images with an HWIO filter.
struct ConvolutionGeometry: Hashable, Sendable {
    var batch: Int
    var inputHeight: Int, inputWidth: Int, inputChannels: Int
    var outputHeight: Int, outputWidth: Int, outputChannels: Int
    var kernelHeight: Int, kernelWidth: Int
    var strideHeight: Int, strideWidth: Int
    var paddingTop: Int, paddingLeft: Int
    var dilationHeight: Int, dilationWidth: Int

    var inputShape: [Int] { [batch, inputHeight, inputWidth, inputChannels] }
    var outputShape: [Int] { [batch, outputHeight, outputWidth, outputChannels] }
    var filterShape: [Int] { [kernelHeight, kernelWidth, inputChannels, outputChannels] }

    var cGeometry: ns_convolution_geometry {
        ns_convolution_geometry(
            batch: batch, input_height: inputHeight, input_width: inputWidth, input_channels: inputChannels,
            output_height: outputHeight, output_width: outputWidth, output_channels: outputChannels,
            kernel_height: kernelHeight, kernel_width: kernelWidth, stride_height: strideHeight,
            stride_width: strideWidth, padding_top: paddingTop, padding_left: paddingLeft,
            dilation_height: dilationHeight, dilation_width: dilationWidth)
    }

    /// Calls `body(input, filter, output)` for every filter tap that lands inside the
    /// image, with the offsets of the input pixel, of the tap's `[inputChannels,
    /// outputChannels]` block of the filter, and of the output pixel (channel 0 of each).
    func forEachTap(_ body: (Int, Int, Int) -> Void) {
        for n in 0..<batch {
            for oy in 0..<outputHeight {
                for ky in 0..<kernelHeight {
                    let iy = oy * strideHeight + ky * dilationHeight - paddingTop
                    guard iy >= 0 && iy < inputHeight else { continue }
                    for ox in 0..<outputWidth {
                        for kx in 0..<kernelWidth {
                            let ix = ox * strideWidth + kx * dilationWidth - paddingLeft
                            guard ix >= 0 && ix < inputWidth else { continue }
                            body(((n * inputHeight + iy) * inputWidth + ix) * inputChannels,
                                 (ky * kernelWidth + kx) * inputChannels * outputChannels,
                                 ((n * outputHeight + oy) * outputWidth + ox) * outputChannels)
                        }
                    }
                }
            }
        }
    }
}

/// Convolution forward and backward passes: the C kernels for `Float`, direct
/// loops for other scalars.
enum ConvolutionKernels {
    static func forward<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, input: [Scalar], filter: [Scalar]
    ) -> [Scalar] {
        if let output = run(ns_conv2d_forward, geometry, input, filter, count: geometry.outputShape.elementCount) { return output }
        var output = [Scalar](repeating: 0, count: geometry.outputShape.elementCount)
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { x, w, y in
            for ci in 0..<inC {
                for co in 0..<outC { output[y + co] += input[x + ci] * filter[w + ci * outC + co] }
            }
        }
        return output
    }

    static func backwardInput<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, outputGradient: [Scalar], filter: [Scalar]
    ) -> [Scalar] {
        if let inputGradient = run(ns_conv2d_backward_input, geometry, outputGradient, filter, count: geometry.inputShape.elementCount) { return inputGradient }
        var inputGradient = [Scalar](repeating: 0, count: geometry.inputShape.elementCount)
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { x, w, y in
            for ci in 0..<inC {
                for co in 0..<outC { inputGradient[x + ci] += outputGradient[y + co] * filter[w + ci * outC + co] }
            }
        }
        return inputGradient
    }

    static func backwardFilter<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, input: [Scalar], outputGradient: [Scalar]
    ) -> [Scalar] {
        if let filterGradient = run(ns_conv2d_backward_filter, geometry, input, outputGradient, count: geometry.filterShape.elementCount) { return filterGradient }
        var filterGradient = [Scalar](repeating: 0, count: geometry.filterShape.elementCount)
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { x, w, y in
            for ci in 0..<inC {
                for co in 0..<outC { filterGradient[w + ci * outC + co] += input[x + ci] * outputGradient[y + co] }
            }
        }
        return filterGradient
    }

    /// The result of the C kernel when the scalars are `Float`, `nil` otherwise.
    private static func run<Scalar: TensorScalar>(
        _ kernel: (UnsafePointer<ns_convolution_geometry>?, UnsafePointer<Float>?, UnsafePointer<Float>?,
                   UnsafeMutablePointer<Float>?) -> Void,
        _ geometry: ConvolutionGeometry, _ first: [Scalar], _ second: [Scalar], count: Int
    ) -> [Scalar]? {
        guard let first = first.floats, let second = second.floats else { return nil }
        var cGeometry = geometry.cGeometry
        return [Scalar](reinterpreting: [Float](unsafeUninitializedCapacity: count) { result, initialized in
            kernel(&cGeometry, first, second, result.baseAddress)
            initialized = count
        })
    }
}

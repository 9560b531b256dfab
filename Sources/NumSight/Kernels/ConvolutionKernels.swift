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

    /// Calls `body(n, oy, ox, iy, ix, ky, kx)` for every filter tap that lands inside the image.
    func forEachTap(_ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
        for n in 0..<batch {
            for oy in 0..<outputHeight {
                for ky in 0..<kernelHeight {
                    let iy = oy * strideHeight + ky * dilationHeight - paddingTop
                    guard iy >= 0 && iy < inputHeight else { continue }
                    for ox in 0..<outputWidth {
                        for kx in 0..<kernelWidth {
                            let ix = ox * strideWidth + kx * dilationWidth - paddingLeft
                            guard ix >= 0 && ix < inputWidth else { continue }
                            body(n, oy, ox, iy, ix, ky, kx)
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
        var output = [Scalar](repeating: 0, count: geometry.outputShape.elementCount)
        if run(ns_conv2d_forward, geometry, input, filter, &output) { return output }
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { n, oy, ox, iy, ix, ky, kx in
            let x = ((n * geometry.inputHeight + iy) * geometry.inputWidth + ix) * inC
            let w = (ky * geometry.kernelWidth + kx) * inC * outC
            let y = ((n * geometry.outputHeight + oy) * geometry.outputWidth + ox) * outC
            for ci in 0..<inC {
                for co in 0..<outC { output[y + co] += input[x + ci] * filter[w + ci * outC + co] }
            }
        }
        return output
    }

    static func backwardInput<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, outputGradient: [Scalar], filter: [Scalar]
    ) -> [Scalar] {
        var inputGradient = [Scalar](repeating: 0, count: geometry.inputShape.elementCount)
        if run(ns_conv2d_backward_input, geometry, outputGradient, filter, &inputGradient) { return inputGradient }
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { n, oy, ox, iy, ix, ky, kx in
            let x = ((n * geometry.inputHeight + iy) * geometry.inputWidth + ix) * inC
            let w = (ky * geometry.kernelWidth + kx) * inC * outC
            let y = ((n * geometry.outputHeight + oy) * geometry.outputWidth + ox) * outC
            for ci in 0..<inC {
                for co in 0..<outC { inputGradient[x + ci] += outputGradient[y + co] * filter[w + ci * outC + co] }
            }
        }
        return inputGradient
    }

    static func backwardFilter<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, input: [Scalar], outputGradient: [Scalar]
    ) -> [Scalar] {
        var filterGradient = [Scalar](repeating: 0, count: geometry.filterShape.elementCount)
        if run(ns_conv2d_backward_filter, geometry, input, outputGradient, &filterGradient) { return filterGradient }
        let (inC, outC) = (geometry.inputChannels, geometry.outputChannels)
        geometry.forEachTap { n, oy, ox, iy, ix, ky, kx in
            let x = ((n * geometry.inputHeight + iy) * geometry.inputWidth + ix) * inC
            let w = (ky * geometry.kernelWidth + kx) * inC * outC
            let y = ((n * geometry.outputHeight + oy) * geometry.outputWidth + ox) * outC
            for ci in 0..<inC {
                for co in 0..<outC { filterGradient[w + ci * outC + co] += input[x + ci] * outputGradient[y + co] }
            }
        }
        return filterGradient
    }

    /// Runs the C kernel when the scalars are `Float`; returns whether it did.
    private static func run<Scalar: TensorScalar>(
        _ kernel: (UnsafePointer<ns_convolution_geometry>?, UnsafePointer<Float>?, UnsafePointer<Float>?,
                   UnsafeMutablePointer<Float>?) -> Void,
        _ geometry: ConvolutionGeometry, _ first: [Scalar], _ second: [Scalar], _ result: inout [Scalar]
    ) -> Bool {
        guard Scalar.self == Float.self else { return false }
        var cGeometry = geometry.cGeometry
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                result.withUnsafeMutableBufferPointer { result in
                    first.withMemoryRebound(to: Float.self) { first in
                        second.withMemoryRebound(to: Float.self) { second in
                            result.withMemoryRebound(to: Float.self) { result in
                                kernel(&cGeometry, first.baseAddress, second.baseAddress, result.baseAddress)
                            }
                        }
                    }
                }
            }
        }
        return true
    }
}

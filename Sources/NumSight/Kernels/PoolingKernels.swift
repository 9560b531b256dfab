import CNumSightKernels

/// Pooling over NHWC buffers: the C kernels for `Float`, direct loops otherwise.
/// A pooling geometry is a convolution geometry whose output channels are the
/// input channels; padded positions never take part.
enum PoolingKernels {
    /// For each output element, the largest input in its window and its offset
    /// (the first one on ties; -1 for a window wholly in the padding).
    static func maximum<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, input: [Scalar]
    ) -> (values: [Scalar], offsets: [Int]) {
        let count = geometry.outputShape.elementCount
        if let floats = input.floats {
            var pooling = geometry.cPoolingGeometry
            var offsets: [Int] = []
            let values = [Float](unsafeUninitializedCapacity: count) { values, initialized in
                offsets = [Int](unsafeUninitializedCapacity: count) { offsets, initialized in
                    ns_max_pool2d_forward(&pooling, floats, values.baseAddress, offsets.baseAddress)
                    initialized = count
                }
                initialized = count
            }
            return ([Scalar](reinterpreting: values), offsets)
        }
        let offsets = maximumOffsets(geometry, input: input)
        return (offsets.map { $0 < 0 ? 0 : input[$0] }, offsets)
    }

    /// The adjoint of `maximum`: each output gradient added to the input at its offset.
    static func maximumBackward<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, outputGradient: [Scalar], offsets: [Int]
    ) -> [Scalar] {
        let count = geometry.inputShape.elementCount
        guard let floats = outputGradient.floats else {
            return LayoutKernels.scatterAdd(outputGradient, at: offsets, count: count)
        }
        var pooling = geometry.cPoolingGeometry
        return [Scalar](reinterpreting: [Float](unsafeUninitializedCapacity: count) { inputGradient, initialized in
            ns_max_pool2d_backward(&pooling, floats, offsets, inputGradient.baseAddress)
            initialized = count
        })
    }

    private static func maximumOffsets<Scalar: TensorScalar>(_ geometry: ConvolutionGeometry, input: [Scalar]) -> [Int] {
        let channels = geometry.inputChannels
        var best = [Int](repeating: -1, count: geometry.outputShape.elementCount)
        geometry.forEachWindowTap { output, inputPixel in
            for c in 0..<channels {
                let candidate = inputPixel + c
                let current = best[output + c]
                if current < 0 || input[candidate] > input[current] { best[output + c] = candidate }
            }
        }
        return best
    }

    /// The mean of each window, counting only positions inside the image.
    static func averageForward<Scalar: TensorScalar>(_ geometry: ConvolutionGeometry, input: [Scalar]) -> [Scalar] {
        if let floats = input.floats {
            var pooling = geometry.cPoolingGeometry
            var output = [Float](repeating: 0, count: geometry.outputShape.elementCount)
            ns_avg_pool2d_forward(&pooling, floats, &output)
            return [Scalar](reinterpreting: output)
        }
        let channels = geometry.inputChannels
        var output = [Scalar](repeating: 0, count: geometry.outputShape.elementCount)
        let counts = windowCounts(geometry)
        geometry.forEachWindowTap { outputPixel, inputPixel in
            let scale = 1 / Scalar(counts[outputPixel / channels])
            for c in 0..<channels { output[outputPixel + c] += input[inputPixel + c] * scale }
        }
        return output
    }

    /// The adjoint of `averageForward`: each output gradient shared among its window.
    static func averageBackward<Scalar: TensorScalar>(
        _ geometry: ConvolutionGeometry, outputGradient: [Scalar]
    ) -> [Scalar] {
        if let floats = outputGradient.floats {
            var pooling = geometry.cPoolingGeometry
            var inputGradient = [Float](repeating: 0, count: geometry.inputShape.elementCount)
            ns_avg_pool2d_backward(&pooling, floats, &inputGradient)
            return [Scalar](reinterpreting: inputGradient)
        }
        let channels = geometry.inputChannels
        var inputGradient = [Scalar](repeating: 0, count: geometry.inputShape.elementCount)
        let counts = windowCounts(geometry)
        geometry.forEachWindowTap { outputPixel, inputPixel in
            let scale = 1 / Scalar(counts[outputPixel / channels])
            for c in 0..<channels { inputGradient[inputPixel + c] += outputGradient[outputPixel + c] * scale }
        }
        return inputGradient
    }

    /// How many inputs inside the image each output position's window covers.
    private static func windowCounts(_ geometry: ConvolutionGeometry) -> [Int] {
        var counts = [Int](repeating: 0, count: geometry.outputShape.elementCount / geometry.inputChannels)
        geometry.forEachWindowTap { outputPixel, _ in counts[outputPixel / geometry.inputChannels] += 1 }
        return counts
    }
}

extension ConvolutionGeometry {
    var cPoolingGeometry: ns_pooling_geometry {
        ns_pooling_geometry(
            batch: batch, input_height: inputHeight, input_width: inputWidth, channels: inputChannels,
            output_height: outputHeight, output_width: outputWidth, window_height: kernelHeight,
            window_width: kernelWidth, stride_height: strideHeight, stride_width: strideWidth,
            padding_top: paddingTop, padding_left: paddingLeft)
    }

    /// Calls `body(outputPixelOffset, inputPixelOffset)` (offsets of channel 0) for every window tap inside the image.
    func forEachWindowTap(_ body: (Int, Int) -> Void) {
        forEachTap { input, _, output in body(output, input) }
    }
}

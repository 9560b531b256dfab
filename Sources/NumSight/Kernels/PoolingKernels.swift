/// Pooling over NHWC buffers. A pooling geometry is a convolution geometry whose
/// output channels are the input channels; padded positions never take part.
enum PoolingKernels {
    /// For each output element, the offset of the largest input in its window (the first one on ties).
    static func maximumOffsets<Scalar: TensorScalar>(_ geometry: ConvolutionGeometry, input: [Scalar]) -> [Int] {
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
    /// Calls `body(outputPixelOffset, inputPixelOffset)` (offsets of channel 0) for every window tap inside the image.
    func forEachWindowTap(_ body: (Int, Int) -> Void) {
        forEachTap { n, oy, ox, iy, ix, _, _ in
            body(((n * outputHeight + oy) * outputWidth + ox) * outputChannels,
                 ((n * inputHeight + iy) * inputWidth + ix) * inputChannels)
        }
    }
}

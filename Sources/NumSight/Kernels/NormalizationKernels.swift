/// Batch normalisation over `[rows, channels]` buffers (every axis but the last
/// flattened into rows), statistics per channel, accumulated in `Double`.
enum NormalizationKernels {
    /// The per-channel mean and population variance, and the normalised output
    /// `(x − mean) / √(variance + epsilon) · scale + offset`.
    static func forward<Scalar: TensorScalar>(
        _ x: [Scalar], channels: Int, scale: [Scalar], offset: [Scalar], epsilon: Scalar
    ) -> (output: [Scalar], mean: [Scalar], variance: [Scalar]) {
        let rows = x.count / Swift.max(channels, 1)
        var sums = [Double](repeating: 0, count: channels)
        var squares = [Double](repeating: 0, count: channels)
        x.withUnsafeBufferPointer { x in
            for row in 0..<rows {
                let base = row * channels
                for c in 0..<channels {
                    let value = Double(x[base + c])
                    sums[c] += value
                    squares[c] += value * value
                }
            }
        }
        let count = Double(Swift.max(rows, 1))
        let mean = sums.map { $0 / count }
        let variance = zip(squares, mean).map { Swift.max($0 / count - $1 * $1, 0) }
        let multiplier = (0..<channels).map { Scalar(Double(scale[$0]) / (variance[$0] + Double(epsilon)).squareRoot()) }
        let shift = (0..<channels).map { offset[$0] - Scalar(mean[$0]) * multiplier[$0] }
        let output = [Scalar](unsafeUninitializedCapacity: x.count) { output, initialized in
            x.withUnsafeBufferPointer { x in
                for row in 0..<rows {
                    let base = row * channels
                    for c in 0..<channels { output[base + c] = x[base + c] * multiplier[c] + shift[c] }
                }
            }
            initialized = x.count
        }
        return (output, mean.map { Scalar($0) }, variance.map { Scalar($0) })
    }

    /// The gradients of `forward` with respect to x, scale and offset, given the
    /// output's gradient: with x̂ = (x − mean)·s, s = 1/√(variance + ε) and n rows,
    /// dOffset = Σ dy, dScale = Σ dy·x̂, dx = scale·s/n · (n·dy − dOffset − x̂·dScale).
    static func backward<Scalar: TensorScalar>(
        _ outputGradient: [Scalar], x: [Scalar], channels: Int, scale: [Scalar], mean: [Scalar],
        variance: [Scalar], epsilon: Scalar
    ) -> (input: [Scalar], scale: [Scalar], offset: [Scalar]) {
        let rows = x.count / Swift.max(channels, 1)
        let inverseDeviation = variance.map { 1 / ($0 + epsilon).squareRoot() }
        var offsetGradient = [Double](repeating: 0, count: channels)
        var scaleGradient = [Double](repeating: 0, count: channels)
        outputGradient.withUnsafeBufferPointer { dy in
            x.withUnsafeBufferPointer { x in
                for row in 0..<rows {
                    let base = row * channels
                    for c in 0..<channels {
                        let normalised = (x[base + c] - mean[c]) * inverseDeviation[c]
                        offsetGradient[c] += Double(dy[base + c])
                        scaleGradient[c] += Double(dy[base + c] * normalised)
                    }
                }
            }
        }
        let n = Scalar(rows)
        let factor = (0..<channels).map { scale[$0] * inverseDeviation[$0] / n }
        let dOffset = offsetGradient.map { Scalar($0) }
        let dScale = scaleGradient.map { Scalar($0) }
        let inputGradient = [Scalar](unsafeUninitializedCapacity: x.count) { dx, initialized in
            outputGradient.withUnsafeBufferPointer { dy in
                x.withUnsafeBufferPointer { x in
                    for row in 0..<rows {
                        let base = row * channels
                        for c in 0..<channels {
                            let normalised = (x[base + c] - mean[c]) * inverseDeviation[c]
                            dx[base + c] = factor[c] * (n * dy[base + c] - dOffset[c] - normalised * dScale[c])
                        }
                    }
                }
            }
            initialized = x.count
        }
        return (inputGradient, dScale, dOffset)
    }
}

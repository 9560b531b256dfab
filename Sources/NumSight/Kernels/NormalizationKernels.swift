import CNumSightKernels

/// Batch normalisation over `[rows, channels]` buffers (every axis but the last
/// flattened into rows), statistics per channel: the C kernels for `Float`, Swift
/// loops otherwise. Sums are taken in blocks of rows in `Scalar` (so the loops
/// vectorise over channels) and added up in `Double`.
enum NormalizationKernels {
    /// Rows summed in `Scalar` before the partial sums are added in `Double`.
    private static let blockRows = 64

    /// The per-channel mean and population variance, and the normalised output
    /// `(x − mean) / √(variance + epsilon) · scale + offset`.
    static func forward<Scalar: TensorScalar>(
        _ x: [Scalar], channels: Int, scale: [Scalar], offset: [Scalar], epsilon: Scalar
    ) -> (output: [Scalar], mean: [Scalar], variance: [Scalar]) {
        let rows = x.count / Swift.max(channels, 1)
        if Scalar.self == Float.self {
            var mean = [Float](repeating: 0, count: channels), variance = mean
            let output = [Float](unsafeUninitializedCapacity: x.count) { output, initialized in
                ns_batch_norm_forward(rows, channels, unsafeBitCast(x, to: [Float].self),
                                      unsafeBitCast(scale, to: [Float].self), unsafeBitCast(offset, to: [Float].self),
                                      Float(epsilon), output.baseAddress, &mean, &variance)
                initialized = x.count
            }
            return (unsafeBitCast(output, to: [Scalar].self), unsafeBitCast(mean, to: [Scalar].self),
                    unsafeBitCast(variance, to: [Scalar].self))
        }
        let (sums, squares) = x.withUnsafeBufferPointer { x in
            channelSums(rows: rows, channels: channels) { row, c in
                let value = x[row * channels + c]
                return (value, value * value)
            }
        }
        let count = Double(Swift.max(rows, 1))
        let mean = sums.map { $0 / count }
        let variance = zip(squares, mean).map { Swift.max($0 / count - $1 * $1, 0) }
        let multiplier = (0..<channels).map { Scalar(Double(scale[$0]) / (variance[$0] + Double(epsilon)).squareRoot()) }
        let shift = (0..<channels).map { offset[$0] - Scalar(mean[$0]) * multiplier[$0] }
        let output = [Scalar](unsafeUninitializedCapacity: x.count) { output, initialized in
            x.withUnsafeBufferPointer { x in
                multiplier.withUnsafeBufferPointer { multiplier in
                    shift.withUnsafeBufferPointer { shift in
                        for row in 0..<rows {
                            let base = row * channels
                            for c in 0..<channels { output[base + c] = x[base + c] * multiplier[c] + shift[c] }
                        }
                    }
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
        if Scalar.self == Float.self {
            var scaleGradient = [Float](repeating: 0, count: channels), offsetGradient = scaleGradient
            let inputGradient = [Float](unsafeUninitializedCapacity: x.count) { inputGradient, initialized in
                ns_batch_norm_backward(rows, channels, unsafeBitCast(outputGradient, to: [Float].self),
                                       unsafeBitCast(x, to: [Float].self), unsafeBitCast(scale, to: [Float].self),
                                       unsafeBitCast(mean, to: [Float].self), unsafeBitCast(variance, to: [Float].self),
                                       Float(epsilon), inputGradient.baseAddress, &scaleGradient, &offsetGradient)
                initialized = x.count
            }
            return (unsafeBitCast(inputGradient, to: [Scalar].self), unsafeBitCast(scaleGradient, to: [Scalar].self),
                    unsafeBitCast(offsetGradient, to: [Scalar].self))
        }
        let inverseDeviation = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let (offsetSums, scaleSums) = outputGradient.withUnsafeBufferPointer { dy in
            x.withUnsafeBufferPointer { x in
                mean.withUnsafeBufferPointer { mean in
                    inverseDeviation.withUnsafeBufferPointer { inverseDeviation in
                        channelSums(rows: rows, channels: channels) { row, c in
                            let index = row * channels + c
                            return (dy[index], dy[index] * (x[index] - mean[c]) * inverseDeviation[c])
                        }
                    }
                }
            }
        }
        let n = Scalar(rows)
        let dOffset = offsetSums.map { Scalar($0) }
        let dScale = scaleSums.map { Scalar($0) }
        // dx = a·dy + b·x + c per channel, with the constants folded once.
        let a = (0..<channels).map { scale[$0] * inverseDeviation[$0] }
        let b = (0..<channels).map { -a[$0] * inverseDeviation[$0] * dScale[$0] / n }
        let c = (0..<channels).map { -a[$0] * dOffset[$0] / n - b[$0] * mean[$0] }
        let inputGradient = [Scalar](unsafeUninitializedCapacity: x.count) { dx, initialized in
            outputGradient.withUnsafeBufferPointer { dy in
                x.withUnsafeBufferPointer { x in
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            c.withUnsafeBufferPointer { c in
                                for row in 0..<rows {
                                    let base = row * channels
                                    for k in 0..<channels { dx[base + k] = a[k] * dy[base + k] + b[k] * x[base + k] + c[k] }
                                }
                            }
                        }
                    }
                }
            }
            initialized = x.count
        }
        return (inputGradient, dScale, dOffset)
    }

    /// Per channel, the sums over rows of the two values `terms(row, channel)` gives.
    private static func channelSums<Scalar: TensorScalar>(
        rows: Int, channels: Int, _ terms: (Int, Int) -> (Scalar, Scalar)
    ) -> ([Double], [Double]) {
        var first = [Double](repeating: 0, count: channels)
        var second = [Double](repeating: 0, count: channels)
        var blockFirst = [Scalar](repeating: 0, count: channels)
        var blockSecond = [Scalar](repeating: 0, count: channels)
        for blockStart in stride(from: 0, to: rows, by: blockRows) {
            blockFirst.withUnsafeMutableBufferPointer { blockFirst in
                blockSecond.withUnsafeMutableBufferPointer { blockSecond in
                    for c in 0..<channels { blockFirst[c] = 0; blockSecond[c] = 0 }
                    for row in blockStart..<Swift.min(blockStart + blockRows, rows) {
                        for c in 0..<channels {
                            let (u, v) = terms(row, c)
                            blockFirst[c] += u
                            blockSecond[c] += v
                        }
                    }
                }
            }
            for c in 0..<channels {
                first[c] += Double(blockFirst[c])
                second[c] += Double(blockSecond[c])
            }
        }
        return (first, second)
    }
}

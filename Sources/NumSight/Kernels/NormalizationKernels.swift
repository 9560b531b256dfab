import CNumSightKernels

/// Batch normalisation over `[rows, channels]` buffers (every axis but the last
/// flattened into rows), statistics per channel.
enum NormalizationKernels {
    /// The per-channel mean and population variance, and the normalised output
    /// `(x − mean) / √(variance + epsilon) · scale + offset` (or its ReLU, when `appliesReLU`):
    /// the C kernel for `Float`, two
    /// passes in `Double` otherwise. Neither subtracts E[x]² from E[x²], which cancels when
    /// the mean is large against the spread.
    static func forward<Scalar: TensorScalar>(
        _ x: [Scalar], channels: Int, scale: [Scalar], offset: [Scalar], epsilon: Scalar, appliesReLU: Bool
    ) -> (output: [Scalar], mean: [Scalar], variance: [Scalar]) {
        let rows = x.count / Swift.max(channels, 1)
        if let floats = x.floats, let scale = scale.floats, let offset = offset.floats {
            var mean = [Float](repeating: 0, count: channels), variance = mean
            let output = [Float](unsafeUninitializedCapacity: x.count) { output, initialized in
                ns_batch_norm_forward(rows, channels, floats, scale, offset, Float(epsilon), appliesReLU ? 1 : 0,
                                      output.baseAddress, &mean, &variance)
                initialized = x.count
            }
            return ([Scalar](reinterpreting: output), [Scalar](reinterpreting: mean),
                    [Scalar](reinterpreting: variance))
        }
        let count = Double(Swift.max(rows, 1))
        var mean = [Double](repeating: 0, count: channels), variance = mean
        for index in x.indices { mean[index % channels] += Double(x[index]) }
        for c in 0..<channels { mean[c] /= count }
        for index in x.indices {
            let deviation = Double(x[index]) - mean[index % channels]
            variance[index % channels] += deviation * deviation
        }
        for c in 0..<channels { variance[c] /= count }
        let multiplier = (0..<channels).map { Double(scale[$0]) / (variance[$0] + Double(epsilon)).squareRoot() }
        let output = x.indices.map { index in
            let c = index % channels
            let y = Scalar((Double(x[index]) - mean[c]) * multiplier[c] + Double(offset[c]))
            return appliesReLU && !(y > 0) ? 0 : y
        }
        return (output, mean.map { Scalar($0) }, variance.map { Scalar($0) })
    }

    /// The C kernel's gradients of `forward` with respect to x, scale and offset, for `Float`;
    /// `nil` for other scalars. With `reluOffset` (the offset of a forward that applied the
    /// ReLU), the output gradient counts only where that forward's output was positive. The
    /// maths is `batchNormalizationGradients` in `Ops/Normalization.swift`.
    static func backward<Scalar: TensorScalar>(
        _ outputGradient: [Scalar], reluOffset: [Scalar]?, x: [Scalar], channels: Int, scale: [Scalar],
        mean: [Scalar], variance: [Scalar], epsilon: Scalar
    ) -> (input: [Scalar], scale: [Scalar], offset: [Scalar])? {
        guard let gradient = outputGradient.floats, let floats = x.floats, let scale = scale.floats,
              let mean = mean.floats, let variance = variance.floats
        else { return nil }
        let reluOffset = reluOffset?.floats
        let rows = x.count / Swift.max(channels, 1)
        var scaleGradient = [Float](repeating: 0, count: channels), offsetGradient = scaleGradient
        let inputGradient = [Float](unsafeUninitializedCapacity: x.count) { inputGradient, initialized in
            ns_batch_norm_backward(rows, channels, gradient, reluOffset, floats, scale, mean, variance, Float(epsilon),
                                   inputGradient.baseAddress, &scaleGradient, &offsetGradient)
            initialized = x.count
        }
        return ([Scalar](reinterpreting: inputGradient), [Scalar](reinterpreting: scaleGradient),
                [Scalar](reinterpreting: offsetGradient))
    }
}

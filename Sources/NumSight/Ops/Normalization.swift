/// Batch normalisation over every axis but the last (the channels of NHWC images,
/// or the features of `[batch, features]`).
///
/// Training normalises with the batch's mean and (population) variance and moves
/// the running statistics toward them: `running = momentum · running + (1 − momentum) · batch`.
/// Inference normalises with the running statistics. Keras' defaults: momentum 0.99, epsilon 1e-3.
///
/// - Parameters:
///   - x: `[…, channels]`.
///   - scale: `[channels]`, the factor γ.
///   - offset: `[channels]`, the shift β.
///   - runningMean: `[channels]`, used in inference and updated in training.
///   - runningVariance: `[channels]`, used in inference and updated in training.
///   - momentum: How much of the running statistics a training step keeps.
///   - epsilon: Added to the variance before the square root.
///   - isTraining: Whether to use (and update) batch statistics rather than running ones.
/// - Returns: `(x − mean) / √(variance + epsilon) · scale + offset`, shaped like `x`.
@_specialize(where Scalar == Float)
public func batchNormalized<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>,
    runningMean: inout Tensor<Scalar>, runningVariance: inout Tensor<Scalar>,
    momentum: Scalar = 0.99, epsilon: Scalar = 1e-3, isTraining: Bool
) -> Tensor<Scalar> {
    let channels = x.shape.last ?? 0
    for (name, parameter) in [("scale", scale), ("offset", offset), ("runningMean", runningMean),
                              ("runningVariance", runningVariance)] {
        require(parameter.shape == [channels],
                     "batchNormalized: \(name) has shape \(parameter.shape), expected [\(channels)] for input \(x.shape)")
    }
    guard isTraining else {
        return (x - runningMean) * rsqrt(runningVariance + epsilon) * scale + offset
    }
    let (scalars, mean, variance) = NormalizationKernels.forward(
        x.scalars, channels: channels, scale: scale.scalars, offset: offset.scalars, epsilon: epsilon)
    runningMean = momentum * runningMean + (1 - momentum) * Tensor(mean)
    runningVariance = momentum * runningVariance + (1 - momentum) * Tensor(variance)
    return Tensor.recording(.batchNormalization, shape: x.shape, scalars: scalars, inputs: [x, scale, offset]) {
        gradient in
        guard !GradientRecording.isActive else {
            return batchNormalizationPullback(gradient, x: x, scale: scale, epsilon: epsilon)
        }
        let gradients = NormalizationKernels.backward(
            gradient.scalars, x: x.scalars, channels: channels, scale: scale.scalars, mean: mean,
            variance: variance, epsilon: epsilon)
        return [Tensor(gradients.input, shape: x.shape), Tensor(gradients.scale), Tensor(gradients.offset)]
    }
}

/// The pullback of training-mode batch normalisation written with ops, used when
/// the backward pass is itself recorded (for second derivatives). The fused
/// kernel computes the same numbers when it is not.
private func batchNormalizationPullback<Scalar>(
    _ gradient: Tensor<Scalar>, x: Tensor<Scalar>, scale: Tensor<Scalar>, epsilon: Scalar
) -> [Tensor<Scalar>?] {
    let axes = Array(0..<(x.rank - 1))
    let centred = x - x.mean(alongAxes: axes)
    let inverseDeviation = rsqrt(centred.squared().mean(alongAxes: axes) + epsilon)
    let normalised = centred * inverseDeviation
    let offsetGradient = gradient.sum(alongAxes: axes)
    let scaleGradient = (gradient * normalised).sum(alongAxes: axes)
    let count = Scalar(x.elementCount / Swift.max(x.shape.last ?? 1, 1))
    let inputGradient = scale * inverseDeviation / count
        * (count * gradient - offsetGradient - normalised * scaleGradient)
    return [inputGradient, scaleGradient, offsetGradient]
}

/// Layer normalisation over the last axis: each example's features are centred and
/// scaled to unit variance, then multiplied by `scale` and shifted by `offset`
/// (both `[features]`). Keras' default epsilon is 1e-3.
@_specialize(where Scalar == Float)
public func layerNormalized<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>, epsilon: Scalar = 1e-3
) -> Tensor<Scalar> {
    let features = x.shape.last ?? 0
    require(scale.shape == [features] && offset.shape == [features],
                 "layerNormalized: scale \(scale.shape) and offset \(offset.shape) should be [\(features)] for \(x.shape)")
    let centred = x - x.mean(alongAxes: [-1], keepingDimensions: true)
    let variance = centred.squared().mean(alongAxes: [-1], keepingDimensions: true)
    return centred * rsqrt(variance + epsilon) * scale + offset
}

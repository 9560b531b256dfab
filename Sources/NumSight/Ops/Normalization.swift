/// Batch normalisation over every axis but the last (the channels of NHWC images,
/// or the features of `[batch, features]`).
///
/// Training normalises with the batch's mean and (population) variance and moves
/// the running statistics toward them: `running = momentum · running + (1 − momentum) · batch`.
/// Inference normalises with the running statistics. Keras' defaults: momentum 0.99, epsilon 1e-3.
///
/// - Parameters:
///   - x: `[…, channels]`.
///   - scale, offset: `[channels]` (γ and β).
///   - runningMean, runningVariance: `[channels]`, updated in training.
/// - Returns: `(x − mean) / √(variance + epsilon) · scale + offset`, shaped like `x`.
public func batchNormalized<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>,
    runningMean: inout Tensor<Scalar>, runningVariance: inout Tensor<Scalar>,
    momentum: Scalar = 0.99, epsilon: Scalar = 1e-3, isTraining: Bool
) -> Tensor<Scalar> {
    let channels = x.shape.last ?? 0
    for (name, parameter) in [("scale", scale), ("offset", offset), ("runningMean", runningMean),
                              ("runningVariance", runningVariance)] {
        precondition(parameter.shape == [channels],
                     "batchNormalized: \(name) has shape \(parameter.shape), expected [\(channels)] for input \(x.shape)")
    }
    guard isTraining else {
        return (x - runningMean) * rsqrt(runningVariance + epsilon) * scale + offset
    }
    let axes = Array(0..<(x.rank - 1))
    let mean = x.mean(alongAxes: axes)
    let centred = x - mean
    let variance = centred.squared().mean(alongAxes: axes)
    runningMean = (momentum * runningMean + (1 - momentum) * mean).detached()
    runningVariance = (momentum * runningVariance + (1 - momentum) * variance).detached()
    return centred * rsqrt(variance + epsilon) * scale + offset
}

/// Layer normalisation over the last axis: each example's features are centred and
/// scaled to unit variance, then multiplied by `scale` and shifted by `offset`
/// (both `[features]`). Keras' default epsilon is 1e-3.
public func layerNormalized<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>, epsilon: Scalar = 1e-3
) -> Tensor<Scalar> {
    let features = x.shape.last ?? 0
    precondition(scale.shape == [features] && offset.shape == [features],
                 "layerNormalized: scale \(scale.shape) and offset \(offset.shape) should be [\(features)] for \(x.shape)")
    let centred = x - x.mean(alongAxes: [-1], keepingDimensions: true)
    let variance = centred.squared().mean(alongAxes: [-1], keepingDimensions: true)
    return centred * rsqrt(variance + epsilon) * scale + offset
}

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
    batchNormalization(x, scale: scale, offset: offset, runningMean: &runningMean, runningVariance: &runningVariance,
                       momentum: momentum, epsilon: epsilon, isTraining: isTraining, appliesReLU: false)
}

/// `relu(batchNormalized(…))` as one op, with the arguments of
/// ``batchNormalized(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``:
/// in training, one pass writes the output and the backward pass applies the ReLU's mask
/// inside batch normalisation's own, so neither the normalised tensor nor its masked
/// gradient is ever stored. ``Sequential`` runs a ``BatchNorm`` followed by
/// ``Activation/relu`` this way.
@_specialize(where Scalar == Float)
public func batchNormalizedReLU<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>,
    runningMean: inout Tensor<Scalar>, runningVariance: inout Tensor<Scalar>,
    momentum: Scalar = 0.99, epsilon: Scalar = 1e-3, isTraining: Bool
) -> Tensor<Scalar> {
    batchNormalization(x, scale: scale, offset: offset, runningMean: &runningMean, runningVariance: &runningVariance,
                       momentum: momentum, epsilon: epsilon, isTraining: isTraining, appliesReLU: true)
}

private func batchNormalization<Scalar>(
    _ x: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>,
    runningMean: inout Tensor<Scalar>, runningVariance: inout Tensor<Scalar>,
    momentum: Scalar, epsilon: Scalar, isTraining: Bool, appliesReLU: Bool
) -> Tensor<Scalar> {
    let channels = x.shape.last ?? 0
    for (name, parameter) in [("scale", scale), ("offset", offset), ("runningMean", runningMean),
                              ("runningVariance", runningVariance)] {
        require(parameter.shape == [channels],
                "batchNormalized: \(name) has shape \(parameter.shape), expected [\(channels)] for input \(x.shape)")
    }
    guard isTraining else {
        let normalized = (x - runningMean) * rsqrt(runningVariance + epsilon) * scale + offset
        return appliesReLU ? relu(normalized) : normalized
    }
    let (scalars, mean, variance) = NormalizationKernels.forward(
        x.scalars, channels: channels, scale: scale.scalars, offset: offset.scalars, epsilon: epsilon,
        appliesReLU: appliesReLU)
    runningMean = momentum * runningMean + (1 - momentum) * Tensor(mean)
    runningVariance = momentum * runningVariance + (1 - momentum) * Tensor(variance)
    let statistics = BatchStatistics(mean: mean, variance: variance, epsilon: epsilon, offset: offset.scalars)
    return Tensor.recording(appliesReLU ? .batchNormalizationReLU : .batchNormalization, shape: x.shape,
                            scalars: scalars, inputs: [x, scale, offset], pullbackUsingOutput: { gradient, output in
        let gradients = batchNormalizationBackward(gradient, x: x, scale: scale, statistics: statistics,
                                                   reluOutput: appliesReLU ? output.detached() : nil)
        return [gradients.input, gradients.scale, gradients.offset]
    })
}

/// The per-channel statistics of a training batch and the offset, as its normalisation used them.
struct BatchStatistics<Scalar: TensorScalar> {
    var mean: [Scalar], variance: [Scalar], epsilon: Scalar, offset: [Scalar]
}

/// The gradients of training-mode batch normalisation with respect to x, scale and
/// offset, given the output's gradient dy: with n rows per channel, s = 1/√(variance + ε),
/// x̂ = (x − mean)·s and ⟨·⟩ the mean over the rows,
///
///     dx = scale · s · (dy − ⟨dy⟩ − x̂·⟨dy·x̂⟩),   dScale = Σ dy·x̂,   dOffset = Σ dy.
///
/// This is the maths; for `Float` the batch-normalisation kernel computes the same numbers.
func batchNormalizationGradients<Scalar>(
    _ gradient: Tensor<Scalar>, x: Tensor<Scalar>, scale: Tensor<Scalar>, epsilon: Scalar
) -> (input: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>) {
    let rows = BatchRows(x, epsilon: epsilon)
    let input = scale * rows.inverseDeviation
        * (gradient - rows.mean(gradient) - rows.normalized * rows.mean(gradient * rows.normalized))
    return (input, rows.sum(gradient * rows.normalized), rows.sum(gradient))
}

/// The three gradients of ``batchNormalizationGradients(_:x:scale:epsilon:)``, each a recorded
/// op whose value the kernel computes in one go and whose pullback is written with ops, so
/// batch normalisation differentiates twice (and more). With `reluOutput` (the output of
/// ``batchNormalizedReLU(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``)
/// the gradient first goes through the ReLU: dy becomes `reluBackward(dy, x: reluOutput)`.
func batchNormalizationBackward<Scalar>(
    _ gradient: Tensor<Scalar>, x: Tensor<Scalar>, scale: Tensor<Scalar>, statistics: BatchStatistics<Scalar>,
    reluOutput: Tensor<Scalar>? = nil
) -> (input: Tensor<Scalar>, scale: Tensor<Scalar>, offset: Tensor<Scalar>) {
    /// The gradient through the ReLU, when there is one.
    func masked(_ t: Tensor<Scalar>) -> Tensor<Scalar> { reluOutput.map { reluBackward(t, x: $0) } ?? t }
    let values = NormalizationKernels.backward(
        gradient.scalars, reluOffset: reluOutput == nil ? nil : statistics.offset, x: x.scalars, channels: scale.elementCount,
        scale: scale.scalars, mean: statistics.mean, variance: statistics.variance, epsilon: statistics.epsilon)
        ?? withoutGradients {
            let gradients = batchNormalizationGradients(masked(gradient), x: x, scale: scale,
                                                        epsilon: statistics.epsilon)
            return (gradients.input.scalars, gradients.scale.scalars, gradients.offset.scalars)
        }
    // dx is linear in dy and in scale; its derivative in x is where the statistics move:
    // for an upstream gradient g, differentiating s and x̂ through the mean and variance,
    // ∂Σ g·dx/∂x = scale·s²·(−x̂·(⟨g·dy⟩ − ⟨g⟩⟨dy⟩ − 3⟨dy·x̂⟩⟨g·x̂⟩) − (dy − ⟨dy⟩)·⟨g·x̂⟩ − (g − ⟨g⟩)·⟨dy·x̂⟩).
    let input = Tensor.recording(.batchNormalizationBackward, shape: x.shape, scalars: values.0,
                                 inputs: [gradient, x, scale]) { upstream in
        let rows = BatchRows(x, epsilon: statistics.epsilon)
        let (dy, g, normalized) = (masked(gradient), upstream, rows.normalized)
        let (meanDy, meanG) = (rows.mean(dy), rows.mean(g))
        let (dyNormalized, gNormalized) = (rows.mean(dy * normalized), rows.mean(g * normalized))
        let covariance = rows.mean(g * dy) - meanG * meanDy
        let xGradient = scale * rows.inverseDeviation.squared()
            * (-normalized * (covariance - 3 * dyNormalized * gNormalized)
               - (dy - meanDy) * gNormalized - (g - meanG) * dyNormalized)
        let scaleGradient = (Scalar(rows.count) * rows.inverseDeviation
            * (covariance - dyNormalized * gNormalized)).reshaped(to: scale.shape)
        return [masked(batchNormalizationBackward(g, x: x, scale: scale, statistics: statistics).input), xGradient,
                scaleGradient]
    }
    // Σ dy·x̂ is linear in dy; its derivative in x is dx with the upstream gradient as the scale.
    let scaleGradient = Tensor.recording(.batchNormalizationScaleGradient, shape: scale.shape, scalars: values.1,
                                         inputs: [gradient, x]) { upstream in
        [masked(upstream * BatchRows(x, epsilon: statistics.epsilon).normalized),
         batchNormalizationBackward(masked(gradient), x: x, scale: upstream, statistics: statistics).input]
    }
    let offsetGradient = Tensor.recording(.sum, shape: scale.shape, scalars: values.2, inputs: [gradient]) {
        [masked($0.broadcast(to: x.shape))]
    }
    return (input, scaleGradient, offsetGradient)
}

/// A batch seen as rows of channels, with its normalisation written in ops (so that it
/// differentiates): every axis but the last is a row axis.
private struct BatchRows<Scalar: TensorScalar> {
    let axes: [Int]
    /// The number of rows.
    let count: Int
    /// 1/√(variance + ε) per channel, shaped to broadcast over the rows.
    let inverseDeviation: Tensor<Scalar>
    /// x̂ = (x − mean)·s.
    let normalized: Tensor<Scalar>

    init(_ x: Tensor<Scalar>, epsilon: Scalar) {
        axes = Array(0..<(x.rank - 1))
        count = x.elementCount / Swift.max(x.shape.last ?? 1, 1)
        let centred = x - x.mean(alongAxes: axes, keepingDimensions: true)
        inverseDeviation = rsqrt(centred.squared().mean(alongAxes: axes, keepingDimensions: true) + epsilon)
        normalized = centred * inverseDeviation
    }

    /// The mean over the rows, shaped to broadcast over them.
    func mean(_ t: Tensor<Scalar>) -> Tensor<Scalar> { t.mean(alongAxes: axes, keepingDimensions: true) }

    /// The sum over the rows, one value per channel.
    func sum(_ t: Tensor<Scalar>) -> Tensor<Scalar> { t.sum(alongAxes: axes) }
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

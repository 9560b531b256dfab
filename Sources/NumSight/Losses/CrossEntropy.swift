/// The softmax cross-entropy between `logits` and integer class `labels` (mean by default):
/// −mean over examples of log softmax(logits)[label], stable for any logits.
///
/// - Parameters:
///   - logits: `[batch, classes]`, unnormalised scores.
///   - labels: `batch` class indices in `0..<classes`.
///   - reduction: How the per-example losses combine (``Reduction/mean`` by default).
///
/// ```swift
/// let loss = softmaxCrossEntropy(logits: model(images), labels: labels)
/// ```
@_specialize(where Scalar == Float)
public func softmaxCrossEntropy<Scalar>(
    logits: Tensor<Scalar>, labels: [Int], reduction: Reduction = .mean
) -> Tensor<Scalar> {
    require(logits.rank == 2 && labels.count == logits.shape[0],
                 "softmaxCrossEntropy: logits \(logits.shape) need shape [batch, classes] with \(labels.count) labels")
    return reduction.reduce(-logSoftmax(logits).takingAlongLastAxis(labels))
}

/// The mean softmax cross-entropy between `logits` and target distributions
/// `probabilities` (both `[batch, classes]`): −mean Σ p · log softmax(logits).
@_specialize(where Scalar == Float)
public func softmaxCrossEntropy<Scalar>(
    logits: Tensor<Scalar>, probabilities: Tensor<Scalar>, reduction: Reduction = .mean
) -> Tensor<Scalar> {
    require(logits.rank == 2 && logits.shape == probabilities.shape,
                 "softmaxCrossEntropy: logits \(logits.shape) and probabilities \(probabilities.shape) should match")
    return reduction.reduce(-(probabilities * logSoftmax(logits)).sum(alongAxes: [1]))
}

/// The mean binary cross-entropy between `logits` and 0/1 (or soft) `labels`,
/// written as max(x, 0) − x·z + log(1 + e^−|x|), which never overflows.
@_specialize(where Scalar == Float)
public func sigmoidCrossEntropy<Scalar>(
    logits: Tensor<Scalar>, labels: Tensor<Scalar>, reduction: Reduction = .mean
) -> Tensor<Scalar> {
    require(logits.shape == labels.shape,
                 "sigmoidCrossEntropy: logits \(logits.shape) and labels \(labels.shape) should match")
    return reduction.reduce(softplus(logits) - logits * labels)
}

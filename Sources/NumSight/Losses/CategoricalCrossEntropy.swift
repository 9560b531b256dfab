/// The softmax cross-entropy of `logits` against integer `labels`, for logits of
/// any rank with the classes along `axis` (PyTorch's `F.cross_entropy`).
///
/// Per element, with p = softmax(logits) along `axis`, C classes and class weights w
/// (all 1 by default): `loss = −(1 − ε) · w[y] · log p[y] − ε/C · Σ_c w[c] · log p[c]`,
/// where ε is `labelSmoothing`. Elements whose label is `ignoredLabel` contribute 0.
/// The mean divides by Σ w[y] over the elements not ignored, as PyTorch does.
///
/// - Parameters:
///   - logits: Any shape; the classes lie along `axis` (`[batch, classes]`, or
///     `[batch, length, classes]` for a sequence model).
///   - labels: The shape of `logits` without `axis`, each in `0..<classes` or `ignoredLabel`.
///   - axis: The axis of the classes, the last by default (PyTorch's is 1).
///   - ignoredLabel: A label whose elements are left out (padding), or `nil`.
///   - labelSmoothing: ε in [0, 1].
///   - classWeights: `[classes]`, or `nil` for equal weights.
///   - reduction: ``Reduction/mean``, ``Reduction/sum`` or ``Reduction/none`` (the shape of `labels`).
///
/// ```swift
/// let loss = crossEntropy(logits: model(tokens), labels: targets, ignoredLabel: padding)
/// ```
@_specialize(where Scalar == Float)
public func crossEntropy<Scalar>(
    logits: Tensor<Scalar>, labels: IndexTensor, alongAxis axis: Int = -1, ignoredLabel: Int? = nil,
    labelSmoothing: Scalar = 0, classWeights: Tensor<Scalar>? = nil, reduction: Reduction = .mean
) -> Tensor<Scalar> {
    let axis = normalizedAxis(axis, rank: logits.rank, operation: "crossEntropy")
    let classes = logits.shape[axis]
    var labelShape = logits.shape
    labelShape.remove(at: axis)
    require(labels.shape == labelShape,
            "crossEntropy: labels \(labels.shape) should have the shape of logits \(logits.shape) without axis \(axis)")
    require((0...1).contains(labelSmoothing), "crossEntropy: labelSmoothing \(labelSmoothing) is outside [0, 1]")
    require(classWeights == nil || classWeights!.shape == [classes],
            "crossEntropy: classWeights \(classWeights!.shape) should be [\(classes)]")
    // Classes last, one row per element.
    var permutation = Array(0..<logits.rank)
    permutation.remove(at: axis)
    permutation.append(axis)
    let logProbabilities = logSoftmax(logits, alongAxis: axis).transposed(permutation: permutation)
        .reshaped(to: [-1, classes])
    let kept = labels.indices.map { $0 != ignoredLabel }
    let safeLabels = zip(labels.indices, kept).map { label, isKept in
        require(!isKept || (0..<classes).contains(label),
                "crossEntropy: label \(label) is outside 0..<\(classes)\(ignoredLabel.map { " and not \($0)" } ?? "")")
        return isKept ? label : 0
    }
    let keptMask = Tensor<Scalar>(kept.map { $0 ? 1 : 0 })
    let labelWeights = classWeights.map { $0.gathering(atIndices: safeLabels) * keptMask } ?? keptMask
    var losses = -labelWeights * logProbabilities.takingAlongLastAxis(safeLabels)
    if labelSmoothing > 0 {
        let weighted = classWeights.map { logProbabilities * $0 } ?? logProbabilities
        let smooth = -weighted.sum(alongAxes: [1]) * keptMask / Scalar(classes)
        losses = (1 - labelSmoothing) * losses + labelSmoothing * smooth
    }
    return reduction.reduce(losses.reshaped(to: labelShape), count: labelWeights.sum())
}

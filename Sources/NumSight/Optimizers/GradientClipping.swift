/// Limits gradients before an update.
public enum GradientClipping: Sendable, Hashable {
    /// Scales all gradients together so that their joint L2 norm is at most this value.
    case globalNorm(Double)
    /// Clamps each gradient element to [−value, value].
    case value(Double)

    /// Clips `gradients` in place; returns their global L2 norm before clipping
    /// (computed only for ``globalNorm(_:)``, `nil` otherwise).
    @discardableResult
    func apply<Scalar: TensorScalar>(to gradients: inout [[Scalar]]) -> Double? {
        switch self {
        case let .globalNorm(limit):
            let norm = gradients.map(OptimizerKernels.sumOfSquares).reduce(0, +).squareRoot()
            if norm > limit {
                for index in gradients.indices {
                    gradients[index] = OptimizerKernels.scaled(gradients[index], by: Scalar(limit / norm))
                }
            }
            return norm
        case let .value(limit):
            let bound = Scalar(limit)
            for index in gradients.indices {
                for element in gradients[index].indices {
                    gradients[index][element] = Swift.min(Swift.max(gradients[index][element], -bound), bound)
                }
            }
            return nil
        }
    }
}

/// Scales every gradient by the same factor so that their joint L2 norm,
/// √(Σ over all tensors of Σ g²), is at most `maximumNorm`, and returns that norm
/// as it was before clipping (to log it, or to skip a step when it is not finite).
///
/// The sums run through the kernels in `Double`, so clipping costs about as much
/// as reading the gradients once more. The gradients lose their graph.
///
/// ```swift
/// var (loss, gradients) = valueWithGradients(of: model) { lossFunction($0) }
/// let norm = clipByGlobalNorm(&gradients, maximumNorm: 1)
/// optimizer.update(model, along: gradients)
/// ```
@discardableResult
public func clipByGlobalNorm<Scalar>(_ gradients: inout [String: Tensor<Scalar>], maximumNorm: Double) -> Double {
    require(maximumNorm > 0, "clipByGlobalNorm: maximumNorm is \(maximumNorm); it must be positive")
    let entries = gradients.map { (name: $0.key, shape: $0.value.shape) }
    var scalars = entries.map { gradients[$0.name]!.scalars }
    let norm = GradientClipping.globalNorm(maximumNorm).apply(to: &scalars)!
    for (entry, values) in zip(entries, scalars) { gradients[entry.name] = Tensor(values, shape: entry.shape) }
    return norm
}

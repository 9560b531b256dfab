/// The logarithm of the softmax along `axis`: x − logΣeˣ, stable for any input.
///
/// Computed as s − logΣeˢ with s = x − max(x), so that huge logits keep full
/// precision. The maximum is a constant for differentiation: the result does not
/// depend on it.
@_specialize(where Scalar == Float)
public func logSoftmax<Scalar>(_ x: Tensor<Scalar>, alongAxis axis: Int = -1) -> Tensor<Scalar> {
    let shifted = x - x.detached().max(alongAxes: [axis], keepingDimensions: true)
    return shifted - shifted.logSumExp(alongAxes: [axis], keepingDimensions: true)
}

/// eˣ / Σeˣ along `axis`: probabilities that sum to 1.
///
/// ```swift
/// softmax(Tensor<Float>([1, 2, 3])).scalars  // [0.090, 0.245, 0.665]
/// ```
@_specialize(where Scalar == Float)
public func softmax<Scalar>(_ x: Tensor<Scalar>, alongAxis axis: Int = -1) -> Tensor<Scalar> {
    exp(logSoftmax(x, alongAxis: axis))
}

/// Scaled dot-product attention (Vaswani et al., "Attention Is All You Need", 2017):
/// softmax(q·kᵀ · scale, masked) · v, over the last two axes of each input.
///
/// Written with ops (matmul, select, softmax), so gradients of any order come
/// from theirs. A masked score becomes −∞ before the softmax, so its weight is
/// exactly zero; a query whose keys are all masked gets NaN (as in PyTorch).
///
/// - Parameters:
///   - query: `[batch…, queryLength, depth]`.
///   - key: `[batch…, keyLength, depth]`.
///   - value: `[batch…, keyLength, valueDepth]`.
///   - mask: Ones where a query may attend to a key, zeros elsewhere; broadcasts to
///     `[batch…, queryLength, keyLength]`. A padding mask `[batch, keyLength]` of
///     ``Tensor/paddingMask(lengths:length:)`` is reshaped to `[batch, 1, …, 1, keyLength]` first.
///   - isCausal: Whether query `i` sees only keys `0…i` (a ``Tensor/causalMask(length:)``,
///     combined with `mask`).
///   - scale: The factor on the scores; 1/√depth by default.
/// - Returns: `[batch…, queryLength, valueDepth]`.
///
/// ```swift
/// let y = scaledDotProductAttention(query: q, key: k, value: v, isCausal: true)
/// ```
@_specialize(where Scalar == Float)
public func scaledDotProductAttention<Scalar>(
    query: Tensor<Scalar>, key: Tensor<Scalar>, value: Tensor<Scalar>, mask: Tensor<Scalar>? = nil,
    isCausal: Bool = false, scale: Scalar? = nil
) -> Tensor<Scalar> {
    require(query.rank >= 2 && key.rank >= 2 && value.rank >= 2 && query.shape.last == key.shape.last
                && key.shape[key.rank - 2] == value.shape[value.rank - 2],
            "scaledDotProductAttention: query \(query.shape), key \(key.shape) and value \(value.shape) "
                + "should be [batch…, queryLength, depth], [batch…, keyLength, depth], [batch…, keyLength, valueDepth]")
    let depth = query.shape.last!
    let scores = matmul(query, key, transposingRHS: true) * (scale ?? 1 / Scalar(depth).squareRoot())
    var keep = mask
    if isCausal {
        let (queryLength, keyLength) = (query.shape[query.rank - 2], key.shape[key.rank - 2])
        let causal = Tensor<Scalar>.ones(shape: [queryLength, keyLength]).lowerTriangle()
        keep = keep.map { $0 * causal } ?? causal
    }
    let weights = softmax(keep.map { scores.filled(with: -.infinity, whereNot: $0) } ?? scores)
    return matmul(weights, value)
}

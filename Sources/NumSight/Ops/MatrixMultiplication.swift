/// Matrix products, 2-D and batched.
///
/// - Parameters:
///   - lhs: `[m, k]`, or `[batch…, m, k]` (`[k, m]` when `transposingLHS`).
///   - rhs: `[k, n]`, or `[batch…, k, n]` (`[n, k]` when `transposingRHS`). The batch
///     axes of both sides broadcast (NumPy's rules), so a 2-D `rhs` is shared by every
///     matrix of a batched `lhs`, and `[b, 1, m, k]` meets `[h, k, n]` as `[b, h, …]`.
///   - transposingLHS: Whether to multiply by the transpose of each `lhs` matrix.
///   - transposingRHS: Whether to multiply by the transpose of each `rhs` matrix.
/// - Returns: `[m, n]`, or `[batch…, m, n]` with the broadcast batch axes.
///
/// ```swift
/// let y = matmul(x, weight)            // [batch, in] · [in, out] → [batch, out]
/// ```
///
/// The pullback is two more products: with C = op(A)·op(B) and gradient G,
/// dA = G·op(B)ᵀ and dB = op(A)ᵀ·G, each written back in terms of `matmul`
/// with transpose flags, so no transposed copies are made.
@_specialize(where Scalar == Float)
public func matmul<Scalar>(
    _ lhs: Tensor<Scalar>, _ rhs: Tensor<Scalar>, transposingLHS: Bool = false, transposingRHS: Bool = false
) -> Tensor<Scalar> {
    require(lhs.rank >= 2 && rhs.rank >= 2, "matmul: needs matrices, got shapes \(lhs.shape) and \(rhs.shape)")
    if lhs.rank > 2 && rhs.rank == 2 && !transposingLHS {
        let rows = lhs.shape.dropLast().elementCount
        let product = matmul(lhs.reshaped(to: [rows, lhs.shape.last!]), rhs, transposingRHS: transposingRHS)
        return product.reshaped(to: Array(lhs.shape.dropLast()) + [product.shape[1]])
    }
    let batchShape = Array(lhs.shape.dropLast(2))
    let rhsBatchShape = Array(rhs.shape.dropLast(2))
    if batchShape != rhsBatchShape {
        guard let batch = broadcastShape(batchShape, rhsBatchShape) else {
            fatalError("matmul: batch axes of \(lhs.shape) and \(rhs.shape) do not broadcast")
        }
        return matmul(lhs.broadcast(to: batch + lhs.shape.suffix(2)), rhs.broadcast(to: batch + rhs.shape.suffix(2)),
                      transposingLHS: transposingLHS, transposingRHS: transposingRHS)
    }
    let (lhsRows, lhsColumns) = (lhs.shape[lhs.rank - 2], lhs.shape[lhs.rank - 1])
    let (rhsRows, rhsColumns) = (rhs.shape[rhs.rank - 2], rhs.shape[rhs.rank - 1])
    let (m, k) = transposingLHS ? (lhsColumns, lhsRows) : (lhsRows, lhsColumns)
    let (rhsK, n) = transposingRHS ? (rhsColumns, rhsRows) : (rhsRows, rhsColumns)
    require(k == rhsK, "matmul: inner dimensions differ: \(lhs.shape)\(transposingLHS ? "ᵀ" : "") · "
                 + "\(rhs.shape)\(transposingRHS ? "ᵀ" : "")")
    let scalars = MatrixKernels.multiply(lhs.scalars, rhs.scalars, batch: batchShape.elementCount, m: m, n: n, k: k,
                                         transposeA: transposingLHS, transposeB: transposingRHS)
    return Tensor.recording(.matmul, shape: batchShape + [m, n], scalars: scalars, inputs: [lhs, rhs]) { gradient in
        let lhsGradient = !lhs.requiresGradient ? nil
            : transposingLHS
                ? matmul(rhs, gradient, transposingLHS: transposingRHS, transposingRHS: true)
                : matmul(gradient, rhs, transposingRHS: !transposingRHS)
        let rhsGradient = !rhs.requiresGradient ? nil
            : transposingRHS
                ? matmul(gradient, lhs, transposingLHS: true, transposingRHS: transposingLHS)
                : matmul(lhs, gradient, transposingLHS: !transposingLHS)
        return [lhsGradient, rhsGradient]
    }
}

/// Multi-head attention: the input is projected to queries, keys and values, split
/// into `headCount` heads that attend separately
/// (``scaledDotProductAttention(query:key:value:mask:isCausal:scale:)``), and the
/// heads are joined and projected back.
///
/// - Input: `[batch, length, modelSize]` (self-attention), or a query
///   `[batch, queryLength, modelSize]` and keys/values `[batch, keyLength, modelSize]`.
/// - Output: `[batch, queryLength, modelSize]`.
/// - Parameters: `query`, `key`, `value` and `output`, each a ``Dense``
///   `[modelSize, modelSize]` with bias (as in PyTorch's `nn.MultiheadAttention`).
///
/// ```swift
/// let attention = MultiHeadAttention<Float>(modelSize: 64, headCount: 4)
/// let y = attention(x, isCausal: true)                        // a decoder block's attention
/// let z = attention(x, mask: padding.reshaped(to: [batch, 1, 1, length]))
/// ```
public final class MultiHeadAttention<Scalar: TensorScalar>: Layer {
    /// Projects the input to queries.
    public let query: Dense<Scalar>
    /// Projects the input to keys.
    public let key: Dense<Scalar>
    /// Projects the input to values.
    public let value: Dense<Scalar>
    /// Projects the joined heads back to `modelSize`.
    public let output: Dense<Scalar>
    /// The number of heads; each has `modelSize / headCount` features.
    public let headCount: Int

    /// Creates the layer. `modelSize` must be a multiple of `headCount`.
    public init(modelSize: Int, headCount: Int, useBias: Bool = true) {
        require(headCount > 0 && modelSize % headCount == 0,
                "MultiHeadAttention: modelSize \(modelSize) is not a multiple of headCount \(headCount)")
        query = Dense(inputSize: modelSize, outputSize: modelSize, useBias: useBias)
        key = Dense(inputSize: modelSize, outputSize: modelSize, useBias: useBias)
        value = Dense(inputSize: modelSize, outputSize: modelSize, useBias: useBias)
        output = Dense(inputSize: modelSize, outputSize: modelSize, useBias: useBias)
        self.headCount = headCount
    }

    /// Self-attention of `input` without a mask.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        self(query: input, key: input, value: input)
    }

    /// Self-attention of `input`, masked by `mask` (broadcast to
    /// `[batch, headCount, length, length]`, ones where attention is allowed) and/or causally.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>, mask: Tensor<Scalar>? = nil, isCausal: Bool = false) -> Tensor<Scalar> {
        self(query: input, key: input, value: input, mask: mask, isCausal: isCausal)
    }

    /// Attention of `query` to `key` and `value` (cross-attention when they differ).
    @_specialize(where Scalar == Float)
    public func callAsFunction(
        query queryInput: Tensor<Scalar>, key keyInput: Tensor<Scalar>, value valueInput: Tensor<Scalar>,
        mask: Tensor<Scalar>? = nil, isCausal: Bool = false
    ) -> Tensor<Scalar> {
        require(queryInput.rank == 3 && keyInput.rank == 3 && valueInput.rank == 3,
                "MultiHeadAttention: inputs should be [batch, length, modelSize], got \(queryInput.shape), "
                    + "\(keyInput.shape), \(valueInput.shape)")
        let heads = scaledDotProductAttention(
            query: splitHeads(query(queryInput)), key: splitHeads(key(keyInput)), value: splitHeads(value(valueInput)),
            mask: mask, isCausal: isCausal)
        let (batch, length) = (queryInput.shape[0], queryInput.shape[1])
        return output(heads.transposed(permutation: [0, 2, 1, 3]).reshaped(to: [batch, length, -1]))
    }

    /// `[batch, length, modelSize]` → `[batch, headCount, length, modelSize / headCount]`.
    private func splitHeads(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        x.reshaped(to: [x.shape[0], x.shape[1], headCount, -1]).transposed(permutation: [0, 2, 1, 3])
    }
}

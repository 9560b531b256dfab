extension Embedding {
    /// The rows of ``weight`` for integer `tokens`: shape `tokens.shape + [embeddingSize]`.
    ///
    /// ```swift
    /// let vectors = embedding(IndexTensor([3, 1, 4], shape: [1, 3]))   // [1, 3, embeddingSize]
    /// ```
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ tokens: IndexTensor) -> Tensor<Scalar> {
        weight.value.taking(tokens, alongAxis: 0)
    }
}

import NumSight

/// A pre-norm decoder block: causal self-attention, then a GELU feed-forward
/// network, each added back to its input (the GPT-2 block).
final class DecoderBlock: Layer {
    let attentionNorm: LayerNorm<Float>
    let attention: MultiHeadAttention<Float>
    let feedForwardNorm: LayerNorm<Float>
    let expand: Dense<Float>
    let contract: Dense<Float>

    init(modelSize: Int, headCount: Int) {
        attentionNorm = LayerNorm(featureCount: modelSize, epsilon: 1e-5)
        attention = MultiHeadAttention(modelSize: modelSize, headCount: headCount)
        feedForwardNorm = LayerNorm(featureCount: modelSize, epsilon: 1e-5)
        expand = Dense(inputSize: modelSize, outputSize: 4 * modelSize) { gelu($0, approximation: .tanh) }
        contract = Dense(inputSize: 4 * modelSize, outputSize: modelSize)
    }

    /// `[batch, length, modelSize]` → the same shape.
    func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
        let attended = x + attention(attentionNorm(x), isCausal: true)
        return attended + contract(expand(feedForwardNorm(attended)))
    }
}

/// A decoder-only transformer: token and position embeddings, a stack of
/// ``DecoderBlock``s, and a projection to one logit per token of the vocabulary.
final class DecoderTransformer: Layer {
    let tokenEmbedding: Embedding<Float>
    let positionEmbedding: Embedding<Float>
    let blocks: [DecoderBlock]
    let finalNorm: LayerNorm<Float>
    let head: Dense<Float>

    init(vocabularySize: Int, maximumLength: Int, modelSize: Int, headCount: Int, blockCount: Int) {
        tokenEmbedding = Embedding(vocabularySize: vocabularySize, embeddingSize: modelSize)
        positionEmbedding = Embedding(vocabularySize: maximumLength, embeddingSize: modelSize)
        blocks = (0..<blockCount).map { _ in DecoderBlock(modelSize: modelSize, headCount: headCount) }
        finalNorm = LayerNorm(featureCount: modelSize, epsilon: 1e-5)
        head = Dense(inputSize: modelSize, outputSize: vocabularySize)
    }

    /// Logits `[batch, length, vocabularySize]` for tokens `[batch, length]`.
    func callAsFunction(_ tokens: IndexTensor) -> Tensor<Float> {
        let positions = IndexTensor(Array(0..<tokens.shape[1]))
        return self(tokenEmbedding(tokens) + positionEmbedding(positions))
    }

    /// Logits for embedded tokens `[batch, length, modelSize]` (a ``Layer``'s one input).
    func callAsFunction(_ embedded: Tensor<Float>) -> Tensor<Float> {
        head(finalNorm(blocks.reduce(embedded) { $1($0) }))
    }

    /// Completes each prompt `[batch, promptLength]` with `count` tokens, each the most
    /// likely next one (greedy decoding).
    func complete(_ prompts: IndexTensor, count: Int) -> IndexTensor {
        var sequences = prompts
        for _ in 0..<count {
            let next = self(sequences)[.all, -1].argmaxIndices()
            let (batch, length) = (sequences.shape[0], sequences.shape[1])
            let joined = (0..<batch).flatMap { row in
                sequences.indices[(row * length)..<((row + 1) * length)] + [next.indices[row]]
            }
            sequences = IndexTensor(joined, shape: [batch, length + 1])
        }
        return sequences
    }
}

import DocumentationTestSupport
import Testing
import NumSight

// The code samples of Documentation/SequenceModels.md, run as tests (see GuideSamples.swift).

// sample: sequence-decoder-block
/// A pre-norm transformer decoder block: causal self-attention, then a
/// feed-forward network, each added back to its input (as in GPT-2).
///
/// - Input and output: `[batch, length, modelSize]`.
final class DecoderBlock: Layer {
    let attentionNorm: LayerNorm<Float>
    let attention: MultiHeadAttention<Float>
    let feedForwardNorm: LayerNorm<Float>
    let expand: Dense<Float>
    let contract: Dense<Float>

    init(modelSize: Int, headCount: Int) {
        attentionNorm = LayerNorm(featureCount: modelSize, defaults: .pyTorch)
        attention = MultiHeadAttention(modelSize: modelSize, headCount: headCount)
        feedForwardNorm = LayerNorm(featureCount: modelSize, defaults: .pyTorch)
        expand = Dense(inputSize: modelSize, outputSize: 4 * modelSize) { gelu($0, approximation: .tanh) }
        contract = Dense(inputSize: 4 * modelSize, outputSize: modelSize)
    }

    func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
        let attended = x + attention(attentionNorm(x), isCausal: true)
        return attended + contract(expand(feedForwardNorm(attended)))
    }
}
// end sample

// sample: sequence-tiny-decoder
/// Token and position embeddings, one ``DecoderBlock``, and a logit per token of the vocabulary.
final class TinyDecoder: Layer {
    let tokenEmbedding: Embedding<Float>
    let positionEmbedding: Embedding<Float>
    let block: DecoderBlock
    let head: Dense<Float>

    init(vocabularySize: Int, length: Int, modelSize: Int) {
        tokenEmbedding = Embedding(vocabularySize: vocabularySize, embeddingSize: modelSize)
        positionEmbedding = Embedding(vocabularySize: length, embeddingSize: modelSize)
        block = DecoderBlock(modelSize: modelSize, headCount: 2)
        head = Dense(inputSize: modelSize, outputSize: vocabularySize)
    }

    /// Logits `[batch, length, vocabularySize]` for tokens `[batch, length]`.
    func callAsFunction(_ tokens: IndexTensor) -> Tensor<Float> {
        let positions = IndexTensor(Array(0..<tokens.shape[1]))
        return self(tokenEmbedding(tokens) + positionEmbedding(positions))
    }

    /// Logits for embedded tokens: the `Layer` requirement, one tensor in.
    func callAsFunction(_ embedded: Tensor<Float>) -> Tensor<Float> {
        head(block(embedded))
    }
}
// end sample

extension Documentation {
    @Suite struct SequenceModelsSamples {
        let printed = PrintedLines()

        func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
            printed.lines.append(items.map { String(describing: $0) }.joined(separator: separator))
        }

        @Test func tokens() {
            // sample: sequence-tokens
            let tokens = IndexTensor([3, 1, 4, 1, 5, 9], shape: [2, 3])   // two sequences of three tokens
            let embedding = withRandomSeed(0) { Embedding<Float>(vocabularySize: 10, embeddingSize: 4) }
            let vectors = embedding(tokens)
            print(vectors.shape)
            print(vectors[0, 1] == vectors[1, 0])                         // token 1, twice: one row
            print(Tensor<Float>(oneHot: tokens, depth: 10)[1, 2].scalars)
            // end sample
            #expect(vectors.shape == [2, 3, 4])
            GuideText.expectOutput(printed.lines, of: "sequence-tokens")
        }

        @Test func attentionByHand() {
            // sample: sequence-attention-by-hand
            var generator = SeededRandomNumberGenerator(seed: 1)
            let x = Tensor<Double>.randomNormal(shape: [1, 4, 8], using: &generator)   // [batch, length, features]
            let (query, key, value) = (x, x, x)
            let scores = matmul(query, key, transposingRHS: true) / 8.0.squareRoot()    // [1, 4, 4]
            let causal = Tensor<Double>.causalMask(length: 4)                            // ones where key ≤ query
            let weights = softmax(scores.filled(with: -.infinity, whereNot: causal))
            let byHand = matmul(weights, value)
            print(causal)
            print(weights[0, 1].scalars.map { ($0 * 1000).rounded() / 1000 })   // position 1 sees keys 0 and 1
            let library = scaledDotProductAttention(query: query, key: key, value: value, isCausal: true)
            print(byHand.isApproximatelyEqual(to: library))
            // end sample
            #expect(weights[0, 1].scalars[2...].allSatisfy { $0 == 0 })
            GuideText.expectOutput(printed.lines, of: "sequence-attention-by-hand")
        }

        @Test func paddingMask() {
            // sample: sequence-padding-mask
            let padding = Tensor<Float>.paddingMask(lengths: [4, 2], length: 4)   // [batch, keyLength]
            print(padding.scalars)
            let attention = withRandomSeed(2) { MultiHeadAttention<Float>(modelSize: 8, headCount: 2) }
            let x = Tensor<Float>.ones(shape: [2, 4, 8])
            // The mask broadcasts against [batch, headCount, queryLength, keyLength].
            let y = attention(x, mask: padding.reshaped(to: [2, 1, 1, 4]), isCausal: true)
            print(y.shape)
            print(attention.namedParameters.map(\.name).prefix(4))
            // end sample
            #expect(y.shape == [2, 4, 8])
            GuideText.expectOutput(printed.lines, of: "sequence-padding-mask")
        }

        @Test func sequenceLoss() {
            // sample: sequence-loss
            let logits = Tensor<Float>([2, 0, 0,  0, 2, 0,  0, 0, 2,  1, 1, 1], shape: [2, 2, 3])
            let targets = IndexTensor([0, 1, 2, -1], shape: [2, 2])    // -1: padding, not scored
            let perToken = crossEntropy(logits: logits, labels: targets, ignoredLabel: -1, reduction: .none)
            print(perToken.scalars.map { ($0 * 1000).rounded() / 1000 })
            print(crossEntropy(logits: logits, labels: targets, ignoredLabel: -1).scalar)
            let smoothed = crossEntropy(logits: logits, labels: targets, ignoredLabel: -1, labelSmoothing: 0.1)
            print(smoothed.scalar > 0.2395)
            // end sample
            GuideText.expectOutput(printed.lines, of: "sequence-loss")
        }

        @Test func training() {
            // sample: sequence-training
            /// Four tokens in 0..<4, a separator (4), then the four reversed: `0 1 2 3 4 3 2 1 0`.
            func reversal(using generator: inout SeededRandomNumberGenerator) -> [Int] {
                let digits = (0..<4).map { _ in Int.random(in: 0..<4, using: &generator) }
                return digits + [4] + digits.reversed()
            }
            var generator = SeededRandomNumberGenerator(seed: 3)
            let model = withRandomSeed(4) { TinyDecoder(vocabularySize: 5, length: 8, modelSize: 32) }
            let optimizer = Adam<Float>(learningRate: 0.01)
            for step in 1...60 {
                let problems = (0..<32).map { _ in reversal(using: &generator) }
                let inputs = IndexTensor(problems.flatMap { $0.dropLast() }, shape: [32, 8])
                // Each position predicts the next token; only the reversed half is scored.
                let targets = IndexTensor(problems.flatMap { problem in
                    (1...8).map { $0 >= 5 ? problem[$0] : -1 }
                }, shape: [32, 8])
                let (loss, gradients) = valueWithGradients(of: model) { model in
                    crossEntropy(logits: model(inputs), labels: targets, ignoredLabel: -1)
                }
                optimizer.update(model, along: gradients)
                if step == 10 || step == 60 { print("step \(step): loss below 0.01: \(loss.scalar < 0.01)") }
            }
            let test = (0..<200).map { _ in reversal(using: &generator) }
            let predicted = model(IndexTensor(test.flatMap { $0.dropLast() }, shape: [200, 8])).argmaxIndices()
            let correct = test.indices.filter { row in
                (4..<8).allSatisfy { predicted.indices[row * 8 + $0] == test[row][$0 + 1] }
            }
            print("all four reversed tokens right: \(correct.count) of 200")
            // end sample
            #expect(correct.count >= 190, "\(printed.lines)")
            GuideText.expectOutput(printed.lines, of: "sequence-training")
        }

        @Test func recurrent() {
            // sample: sequence-recurrent
            let rnn = withRandomSeed(5) { RNN(GRUCell<Float>(inputSize: 8, hiddenSize: 16)) }
            let sequence = Tensor<Float>.ones(shape: [2, 5, 8])         // [batch, time, features]
            let (outputs, finalState) = rnn(sequence, initialState: nil)
            print(outputs.shape, finalState.shape)
            print(outputs[.all, -1] == finalState)                     // a GRU's output is its state
            print(rnn.namedParameters.map(\.name))
            // end sample
            GuideText.expectOutput(printed.lines, of: "sequence-recurrent")
        }
    }
}

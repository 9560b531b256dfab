import Testing
import NumSight

/// A single-head self-attention block with a residual connection and layer normalisation.
final class SelfAttentionBlock: Layer {
    let query: Dense<Float>
    let key: Dense<Float>
    let value: Dense<Float>
    let norm: LayerNorm<Float>

    init(features: Int) {
        query = Dense(inputSize: features, outputSize: features)
        key = Dense(inputSize: features, outputSize: features)
        value = Dense(inputSize: features, outputSize: features)
        norm = LayerNorm(featureCount: features)
    }

    /// `[batch, tokens, features]` → the same shape.
    func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
        let scale = 1 / Float(x.shape[2]).squareRoot()
        let weights = softmax(matmul(query(x), key(x), transposingRHS: true) * scale)
        return norm(x + matmul(weights, value(x)))
    }
}

@Suite struct TrainingTests {
    /// The weights after three Adam steps of a small CNN (convolution, batch normalisation,
    /// ReLU, max pooling, dropout, dense), trained from seed 5 on 64 random images.
    static func weightsAfterTraining() -> [String: [Float]] {
        let model = withRandomSeed(5) {
            Sequential<Float>([
                Conv2D(inputChannels: 1, outputChannels: 16, kernelSize: (3, 3), padding: .same),
                BatchNorm(featureCount: 16), Activation.relu, MaxPool2D(window: (2, 2)), Flatten(),
                Dropout(rate: 0.5), Dense(inputSize: 8 * 8 * 16, outputSize: 10),
            ])
        }
        var generator = SeededRandomNumberGenerator(seed: 6)
        let images = Tensor<Float>.randomUniform(shape: [64, 16, 16, 1], using: &generator)
        let labels = (0..<64).map { $0 % 10 }
        let optimizer = Adam<Float>()
        for _ in 0..<3 {
            let (_, gradients) = valueWithGradients(of: model) { model in
                withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels) }
            }
            optimizer.update(model, along: gradients)
        }
        return Dictionary(uniqueKeysWithValues: model.namedParameters.map { ($0.name, $0.parameter.value.scalars) })
    }

    @Test func trainingIsBitReproducibleForASeed() {
        let first = Self.weightsAfterTraining(), second = Self.weightsAfterTraining()
        for (name, weights) in first {
            #expect(weights == second[name], "\(name) differs between two runs from the same seed")
        }
    }

    @Test func aSmallNetworkLearnsXOR() {
        let inputs = Tensor<Float>([0, 0, 0, 1, 1, 0, 1, 1], shape: [4, 2])
        let labels = [0, 1, 1, 0]
        let model = withRandomSeed(3) {
            Sequential<Float>([Dense(inputSize: 2, outputSize: 8, activation: tanh), Dense(inputSize: 8, outputSize: 2)])
        }
        let optimizer = Adam<Float>(learningRate: 0.05)
        for _ in 0..<300 {
            let (_, gradients) = valueWithGradients(of: model) { softmaxCrossEntropy(logits: $0(inputs), labels: labels) }
            optimizer.update(model, along: gradients)
        }
        let predictions = model(inputs).argmax(alongAxis: 1).scalars.map(Int.init)
        #expect(predictions == labels)
    }

    @Test func aResidualNetworkLearnsToTellBrightImagesFromDark() {
        var generator = SeededRandomNumberGenerator(seed: 9)
        let images = Tensor<Float>.randomUniform(shape: [16, 4, 4, 1], using: &generator)
        let labels = images.mean(alongAxes: [1, 2, 3]).scalars.map { $0 > 0.5 ? 1 : 0 }
        let model = withRandomSeed(4) { TwoBlockNetwork() }
        let optimizer = Adam<Float>(learningRate: 0.02)
        // Measured with batch statistics: after 40 steps the running ones have barely moved.
        func loss() -> Float { withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels).scalar } }
        let initial = loss()
        for _ in 0..<40 {
            let (_, gradients) = valueWithGradients(of: model) { model in
                withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels) }
            }
            optimizer.update(model, along: gradients)
        }
        let final = loss()
        #expect(final < 0.5 * initial, "loss went from \(initial) to \(final)")
    }

    @Test func anAttentionBlockLearnsToCopyTheFirstToken() {
        var generator = SeededRandomNumberGenerator(seed: 2)
        let tokens = Tensor<Float>.randomNormal(shape: [8, 3, 4], using: &generator)
        let target = tokens.sliced(alongAxis: 1, range: 0..<1).broadcast(to: [8, 3, 4])
        let model = withRandomSeed(6) { SelfAttentionBlock(features: 4) }
        let optimizer = Adam<Float>(learningRate: 0.02)
        func loss(_ model: SelfAttentionBlock) -> Tensor<Float> {
            meanSquaredError(predictions: model(tokens), targets: target)
        }
        let initial = loss(model).scalar
        for _ in 0..<150 {
            optimizer.update(model, along: valueWithGradients(of: model, loss).gradients)
        }
        let final = loss(model).scalar
        #expect(final < 0.5 * initial, "loss went from \(initial) to \(final)")
    }
}

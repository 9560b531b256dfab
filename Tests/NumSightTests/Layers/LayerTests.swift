import Testing
import NumSight

/// A user-defined residual block: two convolutions, batch normalisation, and a skip connection.
final class ResidualBlock: Layer {
    let conv1: Conv2D<Float>
    let norm: BatchNorm<Float>
    let conv2: Conv2D<Float>

    init(channels: Int) {
        conv1 = Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: (3, 3), padding: .same)
        norm = BatchNorm(featureCount: channels)
        conv2 = Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: (3, 3), padding: .same)
    }

    func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> {
        relu(input + conv2(relu(norm(conv1(input)))))
    }
}

final class TwoBlockNetwork: Layer {
    let stem = Conv2D<Float>(inputChannels: 1, outputChannels: 4, kernelSize: (3, 3), padding: .same)
    let blocks = [ResidualBlock(channels: 4), ResidualBlock(channels: 4)]
    let head = Dense<Float>(inputSize: 4, outputSize: 2)
    let pool = GlobalAveragePool2D<Float>()

    func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> {
        head(pool(blocks.reduce(stem(input)) { $1($0) }))
    }
}

@Suite struct LayerTests {
    @Test func parametersAndBuffersAreNamedByPropertyPath() {
        let names = TwoBlockNetwork().namedParameters.map(\.name)
        #expect(names.prefix(3) == ["stem.weight", "stem.bias", "blocks.0.conv1.weight"])
        #expect(names.contains("blocks.1.norm.scale"))
        #expect(names.last == "head.bias")
        #expect(TwoBlockNetwork().namedBuffers.map(\.name)
                == ["blocks.0.norm.runningMean", "blocks.0.norm.runningVariance",
                    "blocks.1.norm.runningMean", "blocks.1.norm.runningVariance"])
    }

    @Test func aSharedLayerIsListedOnce() {
        final class Tied: Layer {
            let shared = Dense<Float>(inputSize: 2, outputSize: 2)
            lazy var again = shared
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { again(shared(input)) }
        }
        let tied = Tied()
        _ = tied.again
        #expect(tied.namedParameters.map(\.name) == ["shared.weight", "shared.bias"])
    }

    @Test func sequentialNamesLayersByPosition() {
        let model = Sequential<Float>([Dense(inputSize: 2, outputSize: 3), Activation.relu, Dense(inputSize: 3, outputSize: 1)])
        #expect(model.namedParameters.map(\.name) == ["layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"])
    }

    @Test func kerasDefaultsInitialiseLayers() {
        let dense = withRandomSeed(1) { Dense<Float>(inputSize: 100, outputSize: 50) }
        let limit = Float((6.0 / 150).squareRoot())
        #expect(dense.weight.value.scalars.allSatisfy { abs($0) <= limit })
        #expect(dense.weight.value.scalars.max()! > 0.9 * limit)
        #expect(dense.bias?.value.scalars.allSatisfy { $0 == 0 } == true)
        let norm = BatchNorm<Float>(featureCount: 3)
        #expect(norm.momentum == 0.99 && norm.epsilon == 1e-3)
    }

    @Test func theSameSeedBuildsTheSameWeights() {
        let first = withRandomSeed(42) { TwoBlockNetwork() }
        let second = withRandomSeed(42) { TwoBlockNetwork() }
        let third = withRandomSeed(43) { TwoBlockNetwork() }
        #expect(first.state == second.state)
        #expect(first.state != third.state)
    }

    @Test func trainingModeReachesNestedLayers() {
        let model = TwoBlockNetwork()
        let input = Tensor<Float>.ones(shape: [2, 3, 3, 1])
        _ = model(input)
        #expect(model.blocks[0].norm.runningMean.value.scalars.allSatisfy { $0 == 0 })
        _ = withTrainingMode { model(input) }
        #expect(model.blocks[1].norm.runningMean.value.scalars.contains { $0 != 0 })
    }

    @Test func dropoutActsOnlyInTraining() {
        let layer = Dropout<Float>(rate: 0.5)
        let input = Tensor<Float>.ones(shape: [1000])
        #expect(layer(input) == input)
        let dropped = withTrainingMode { layer(input) }
        let kept = dropped.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 2 })
        #expect((400...600).contains(kept.count), "kept \(kept.count) of 1000")
    }

    @Test func frozenParametersRecordNoGradient() {
        let dense = Dense<Float>(inputSize: 2, outputSize: 2)
        dense.setTrainable(false)
        #expect(!dense.weight.value.requiresGradient)
        #expect(dense.trainableParameterCount == 0 && dense.nonTrainableParameterCount == 6)
    }

    /// Sequential runs BatchNorm then ReLU as one op: the same output, gradients and running
    /// statistics as the two layers applied one after the other.
    @Test func batchNormFollowedByReLUIsFusedWithoutChangingAnything() {
        let layers: (Int) -> [any Layer<Double>] = { _ in [BatchNorm<Double>(featureCount: 3), Activation.relu] }
        let fused = Sequential<Double>(layers(0)), separate = Sequential<Double>(layers(1))
        var generator = SeededRandomNumberGenerator(seed: 11)
        let x = Tensor<Double>.randomNormal(shape: [4, 2, 2, 3], using: &generator)
        let weights = Tensor<Double>.randomNormal(shape: [4, 2, 2, 3], using: &generator)
        let (fusedLoss, fusedGradients) = valueWithGradients(of: fused) { model in
            withTrainingMode { (model(x) * weights).sum() }
        }
        let (loss, gradients) = valueWithGradients(of: separate) { model in
            withTrainingMode { separate.layers.reduce(x) { $1($0) } * weights }.sum()
        }
        #expect(abs(fusedLoss.scalar - loss.scalar) < 1e-12, "loss \(fusedLoss.scalar) against \(loss.scalar)")
        for (name, gradient) in gradients {
            expectTensor(fusedGradients[name]!, equals: gradient.scalars, shape: gradient.shape, tolerance: 1e-12)
        }
        let (fusedNorm, norm) = (fused.layers[0] as! BatchNorm<Double>, separate.layers[0] as! BatchNorm<Double>)
        expectTensor(fusedNorm.runningVariance.value, equals: norm.runningVariance.value.scalars, shape: [3])
        #expect(fusedLoss.scalar > 0 && gradients.count == 2)
    }

    @Test func layerOutputShapes() {
        let image = Tensor<Float>.zeros(shape: [2, 8, 8, 3])
        #expect(Conv2D<Float>(inputChannels: 3, outputChannels: 5, kernelSize: (3, 3))(image).shape == [2, 6, 6, 5])
        #expect(Conv2D<Float>(inputChannels: 3, outputChannels: 5, kernelSize: (3, 3), strides: (2, 2),
                              padding: .same)(image).shape == [2, 4, 4, 5])
        #expect(MaxPool2D<Float>()(image).shape == [2, 4, 4, 3])
        #expect(AvgPool2D<Float>(window: (3, 3), strides: (1, 1))(image).shape == [2, 6, 6, 3])
        #expect(GlobalAveragePool2D<Float>()(image).shape == [2, 3])
        #expect(Flatten<Float>()(image).shape == [2, 192])
        #expect(Reshape<Float>(shape: [64, -1])(image).shape == [2, 64, 3])
        #expect(LayerNorm<Float>(featureCount: 3)(image).shape == [2, 8, 8, 3])
        #expect(Embedding<Float>(vocabularySize: 10, embeddingSize: 4)(Tensor([1, 9, 3], shape: [1, 3])).shape == [1, 3, 4])
    }

    @Test func theSummaryOfTheMNISTNetworkMatchesKeras() {
        let model = Sequential<Float>([
            Conv2D(inputChannels: 1, outputChannels: 32, kernelSize: (3, 3), padding: .same), BatchNorm(featureCount: 32),
            Activation.relu, MaxPool2D(),
            Conv2D(inputChannels: 32, outputChannels: 64, kernelSize: (3, 3), padding: .same), BatchNorm(featureCount: 64),
            Activation.relu, MaxPool2D(),
            Conv2D(inputChannels: 64, outputChannels: 96, kernelSize: (3, 3), padding: .same), BatchNorm(featureCount: 96),
            Activation.relu, Flatten(), Dropout(rate: 0.5), Dense(inputSize: 4704, outputSize: 128, activation: relu),
            Dropout(rate: 0.3), Dense(inputSize: 128, outputSize: 10), Activation.softmax,
        ])
        let summary = model.summary(inputShape: [1, 28, 28, 1])
        #expect(summary.contains("Total parameters: 678506"), "\(summary)")
        #expect(summary.contains("Trainable parameters: 678122"))
        #expect(summary.contains("Non-trainable parameters: 384"))
        #expect(summary.contains("Conv2D") && summary.contains("[1, 7, 7, 96]") && summary.contains("602240"))
    }
}

import MNIST
import NumSight

/// The latency of classifying one image with the seed CNN (inference mode, no gradients,
/// softmax included), as a server answering one drawing at a time sees it.
struct InferenceBenchmark: BenchmarkSection {
    func run() {
        KernelConfiguration.keepFreedMemory()
        let model = withRandomSeed(1) { SeedCNN.makeModel() }
        var generator = SeededRandomNumberGenerator(seed: 2)
        let image = Tensor<Float>.randomUniform(shape: [1] + SeedCNN.inputShape, using: &generator)
        let latency = medianSeconds(repetitions: 500) { _ = model.probabilities(for: image) }
        report("inference.latency.batch1", latency * 1e3, "ms")
    }
}

import MNIST
import NumSight

/// The seed CNN end to end: training throughput (forward, backward and an Adam
/// step on batches of 128) and how close it comes to the machine's limit.
struct TrainingBenchmark: BenchmarkSection {
    let batchSize = 128

    func run() {
        KernelConfiguration.keepFreedMemory()
        let model = withRandomSeed(1) { SeedCNN.makeModel() }
        let optimizer = Adam<Float>()
        var generator = SeededRandomNumberGenerator(seed: 2)
        let images = Tensor<Float>.randomUniform(shape: [batchSize] + SeedCNN.inputShape, using: &generator)
        let labels = (0..<batchSize).map { $0 % 10 }
        let step = medianSeconds(repetitions: 15) {
            let (_, gradients) = valueWithGradients(of: model) { model in
                withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels) }
            }
            optimizer.update(model, along: gradients)
        }
        report("train.step.batch\(batchSize)", step * 1e3, "ms")
        report("train.throughput", Double(batchSize) / step, "images/s")
        report("train.epoch54000", 54_000 / (Double(batchSize) / step), "s")
        let flops = TrainingWork.flopsPerImage(of: model, inputShape: SeedCNN.inputShape)
        let peak = PeakThroughputBenchmark.peakGFLOPS(threads: KernelConfiguration.threadCount) * 1e9
        report("train.flops_per_image", flops / 1e6, "MFLOP")
        report("train.fraction_of_limit", Double(batchSize) / step / (peak / flops), "fraction")
    }
}

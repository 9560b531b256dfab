import MNIST

/// Seconds per training epoch (54 000 images, one thread, as the loader prepares batches
/// beside training) spent preparing batches with each augmentation piece, measured on
/// 10 000 MNIST training images and scaled.
struct AugmentationBenchmark: BenchmarkSection {
    func run() {
        guard let training = try? MNISTDataset(split: .training) else {
            print("augmentation: MNIST not found, skipped")
            return
        }
        let sample = training.examples(in: 0..<10_000)
        let names = ["none", "warp", "warp+width", "warp+elastic", "warp+slant+aspect",
                     "warp+width+elastic+slant+aspect"]
        for name in names {
            let settings = name == "none" ? nil : AugmentationSettings(named: name)!
            let loader = BatchLoader(dataset: sample, batchSize: 128, augmentation: settings, seed: 1)
            let time = medianSeconds(repetitions: 3) {
                for batch in loader.batches(forEpoch: 1, prefetchCount: 0) { _ = batch.count }
            }
            report("augmentation.\(name).epoch", time * 54_000 / 10_000, "s")
        }
    }
}

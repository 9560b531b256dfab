import NumSight

/// One Adam update of a million parameters (a 1000 × 1000 dense layer), without and
/// with global-norm clipping, and the clipping alone: clipping should cost no more
/// than the update it precedes. The three are timed in turn, repetition by
/// repetition, so that a busy machine slows them alike.
struct OptimizerBenchmark: BenchmarkSection {
    func run() {
        let model = withRandomSeed(1) { Dense<Float>(inputSize: 1000, outputSize: 1000) }
        let gradients = [
            "weight": Tensor(randomValues(1_000_000), shape: [1000, 1000]),
            "bias": Tensor(randomValues(1000, seed: 2), shape: [1000]),
        ]
        let plain = Adam<Float>(learningRate: 1e-6)
        let clipped = Adam<Float>(learningRate: 1e-6, gradientClipping: .globalNorm(1))
        let clock = ContinuousClock()
        var (unclippedTimes, clippedTimes, clippingTimes) = ([Double](), [Double](), [Double]())
        for _ in 0..<22 {
            unclippedTimes.append(seconds(clock.measure { plain.update(model, along: gradients) }))
            clippedTimes.append(seconds(clock.measure { clipped.update(model, along: gradients) }))
            var copy = gradients
            clippingTimes.append(seconds(clock.measure { clipByGlobalNorm(&copy, maximumNorm: 1) }))
        }
        // The first round warms up.
        let unclippedTime = median(Array(unclippedTimes.dropFirst()))
        let clippedTime = median(Array(clippedTimes.dropFirst()))
        let clippingTime = median(Array(clippingTimes.dropFirst()))
        report("adam.update.1M", unclippedTime * 1e3, "ms")
        report("adam.update.1M.clipped", clippedTime * 1e3, "ms")
        report("clipByGlobalNorm.1M", clippingTime * 1e3, "ms")
        report("adam.update.1M.clipped.ratio", clippedTime / unclippedTime, "x")
    }
}

import NumSight

/// The tape's own cost: a chain of 10,000 additions on one-element tensors, where
/// the arithmetic is negligible and recording and backpropagation are all that is left.
struct TapeBenchmark: BenchmarkSection {
    let chainLength = 10_000

    func run() {
        var forward: [Double] = []
        var backward: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<15 {
            let x = Tensor<Float>([1]).requiringGradient()
            var y = x
            let forwardTime = clock.measure {
                for _ in 0..<chainLength { y = y + x }
            }
            let backwardTime = clock.measure { y.backward() }
            forward.append(seconds(forwardTime))
            backward.append(seconds(backwardTime))
        }
        report("tape.forward", median(forward) / Double(chainLength) * 1e6, "µs/op")
        report("tape.backward", median(backward) / Double(chainLength) * 1e6, "µs/op")
    }
}

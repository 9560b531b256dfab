/// A group of related figures, printed as lines `name value unit`.
protocol BenchmarkSection {
    /// Measures and prints this section's figures.
    func run()
}

/// Prints one figure, e.g. `sgemm.1024.threads2 201.3 GFLOP/s`.
func report(_ name: String, _ value: Double, _ unit: String) {
    let rounded = (value * 1000).rounded() / 1000
    print("\(name) \(rounded) \(unit)")
}

/// The median time in seconds of `repetitions` runs of `body`, after one warm-up run.
func medianSeconds(repetitions: Int, _ body: () -> Void) -> Double {
    body()
    let clock = ContinuousClock()
    return median((0..<repetitions).map { _ in seconds(clock.measure(body)) })
}

/// The middle value (the upper one of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Enough repetitions of work costing `flops` each for about a quarter of a second in all
/// (between 5 and 200), given a rough speed of 50 GFLOP/s.
func repetitions(flops: Double) -> Int {
    min(200, max(5, Int(0.25 / (flops / 50e9))))
}

/// `count` pseudo-random values in -1 ... 1 (a fixed linear congruential sequence).
func randomValues(_ count: Int, seed: UInt64 = 1) -> [Float] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
    }
}

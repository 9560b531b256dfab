import CNumSightKernels

/// Square single-precision matrix products, GFLOP/s and fraction of the measured peak.
struct SGEMMBenchmark: BenchmarkSection {
    func run() {
        let saved = ns_thread_count()
        defer { ns_set_thread_count(saved) }
        for threads in [1, 2] {
            let peak = PeakThroughputBenchmark.peakGFLOPS(threads: threads)
            ns_set_thread_count(threads)
            for size in [128, 256, 512, 1024] {
                let rate = Self.gflops(size: size)
                report("sgemm.\(size).threads\(threads)", rate, "GFLOP/s")
                report("sgemm.\(size).threads\(threads).of_peak", rate / peak, "fraction")
            }
        }
    }

    /// GFLOP/s of C = A * B for size x size matrices.
    static func gflops(size: Int) -> Double {
        let a = randomValues(size * size, seed: 1), b = randomValues(size * size, seed: 2)
        var c = [Float](repeating: 0, count: size * size)
        let flops = 2.0 * Double(size * size * size)
        let seconds = medianSeconds(repetitions: repetitions(flops: flops)) {
            ns_sgemm(0, 0, size, size, size, 1, a, size, b, size, 0, &c, size)
        }
        return flops / seconds / 1e9
    }
}

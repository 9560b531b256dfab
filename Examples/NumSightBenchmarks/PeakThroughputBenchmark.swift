import CBenchmarkProbes
import CNumSightKernels

/// The measured peak rate of fused multiply-adds on the selected path, per thread count.
struct PeakThroughputBenchmark: BenchmarkSection {
    func run() {
        for threads in [1, 2] {
            report("peak.fma.threads\(threads)", Self.peakGFLOPS(threads: threads), "GFLOP/s")
        }
    }

    /// GFLOP/s of `ns_fma_throughput` on `threads` threads (the median of several runs).
    static func peakGFLOPS(threads: Int) -> Double {
        let saved = ns_thread_count()
        defer { ns_set_thread_count(saved) }
        ns_set_thread_count(threads)
        let iterations = 2_000_000
        var flops = 0.0
        let seconds = medianSeconds(repetitions: 9) { flops = ns_fma_throughput(iterations) }
        return flops / seconds / 1e9
    }
}

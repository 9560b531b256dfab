import CNumSightKernels

/// The instruction-set path the kernels chose, and the thread count they use.
struct KernelPathBenchmark: BenchmarkSection {
    func run() {
        let names = [
            NS_KERNEL_PATH_PORTABLE: "portable", NS_KERNEL_PATH_AVX2: "avx2",
            NS_KERNEL_PATH_AVX512: "avx512", NS_KERNEL_PATH_NEON: "neon",
        ]
        print("kernel.path \(names[ns_current_kernel_path()] ?? "unknown") -")
        report("kernel.threads", Double(ns_thread_count()), "threads")
    }
}

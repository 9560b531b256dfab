import CNumSightKernels
import Testing

/// All kernel tests: they change the global kernel path, thread count and parallel
/// threshold, so they run one at a time (nested suites inherit `.serialized`).
@Suite(.serialized) struct KernelTests {}

/// A kernel configuration: an instruction-set path and a thread count.
struct KernelConfiguration: CustomStringConvertible {
    var path: ns_kernel_path
    var threads: Int

    var description: String {
        let names = [
            NS_KERNEL_PATH_PORTABLE: "portable", NS_KERNEL_PATH_AVX2: "avx2",
            NS_KERNEL_PATH_AVX512: "avx512", NS_KERNEL_PATH_NEON: "neon",
        ]
        return "\(names[path] ?? "?") path, \(threads) thread(s)"
    }

    /// Every path this CPU runs, on 1 and 2 threads.
    static var all: [KernelConfiguration] {
        let paths = [NS_KERNEL_PATH_PORTABLE, NS_KERNEL_PATH_AVX2, NS_KERNEL_PATH_AVX512, NS_KERNEL_PATH_NEON]
        let supported = paths.filter { ns_select_kernel_path($0) == 0 }
        ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC)
        return supported.flatMap { path in [1, 2].map { KernelConfiguration(path: path, threads: $0) } }
    }
}

/// Runs `body` in every configuration, with the parallel threshold at 0 so that even tiny
/// calls are split over the threads; restores the automatic path and the defaults afterwards.
func forEachConfiguration(_ body: (KernelConfiguration) -> Void) {
    let threads = ns_thread_count(), threshold = ns_parallel_threshold()
    defer {
        ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC)
        ns_set_thread_count(threads)
        ns_set_parallel_threshold(threshold)
    }
    ns_set_parallel_threshold(0)
    for configuration in KernelConfiguration.all {
        ns_select_kernel_path(configuration.path)
        ns_set_thread_count(configuration.threads)
        body(configuration)
    }
}

/// A seeded generator (SplitMix64), so every run draws the same numbers.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` values drawn uniformly from -1 ... 1.
func randomFloats(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SeededRandom(seed: seed)
    return (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
}

/// Expects `observed` to match `expected` within `tolerance` times max(1, |expected|),
/// reporting the first mismatch as expected against observed.
func expectClose<T: BinaryFloatingPoint>(
    _ observed: [T], _ expected: [T], tolerance: T, _ context: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(observed.count == expected.count, "\(context()): count", sourceLocation: sourceLocation)
    let mismatch = zip(observed, expected).enumerated().first { _, pair in
        !(abs(pair.0 - pair.1) <= tolerance * max(1, abs(pair.1)))
    }
    if let (index, (value, reference)) = mismatch {
        Issue.record(
            "\(context()): at index \(index) expected \(reference), observed \(value)",
            sourceLocation: sourceLocation)
    }
}

// Prints every benchmark section, one figure per line: `name value unit`.
// Run with `swift run -c release NumSightBenchmarks`.

let sections: [any BenchmarkSection] = [
    KernelPathBenchmark(),
    PeakThroughputBenchmark(),
    SGEMMBenchmark(),
    ConvolutionBenchmark(),
    TapeBenchmark(),
]

for section in sections {
    section.run()
}

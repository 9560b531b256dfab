// Prints every benchmark section, one figure per line: `name value unit`.
// Run with `swift run -c release NumSightBenchmarks [SECTION…]`; a section is
// chosen by part of its name (`tape`, `sgemm`, …), all of them by default.

let sections: [any BenchmarkSection] = [
    KernelPathBenchmark(),
    PeakThroughputBenchmark(),
    SGEMMBenchmark(),
    ConvolutionBenchmark(),
    TapeBenchmark(),
    OptimizerBenchmark(),
    TrainingBenchmark(),
    InferenceBenchmark(),
]

let wanted = CommandLine.arguments.dropFirst().map { $0.lowercased() }
for section in sections {
    let name = String(describing: type(of: section)).lowercased()
    if wanted.isEmpty || wanted.contains(where: name.contains) {
        section.run()
    }
}

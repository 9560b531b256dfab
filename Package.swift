// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NumSight",
    products: [
        .library(name: "NumSight", targets: ["NumSight"]),
        .executable(name: "MNISTExample", targets: ["MNISTExample"]),
        .executable(name: "NumSightBenchmarks", targets: ["NumSightBenchmarks"]),
        .executable(name: "AdditionTransformer", targets: ["AdditionTransformer"]),
    ],
    targets: [
        // MARK: Library — tensors, tape, ops, layers, losses, optimisers

        /// CPU kernels in C, each ISA variant selected at run time (no build flags).
        .target(
            name: "CNumSightKernels",
            path: "Sources/CNumSightKernels"
        ),
        .target(
            name: "NumSight",
            dependencies: ["CNumSightKernels"],
            path: "Sources/NumSight"
        ),

        // MARK: Examples — the MNIST digit recognizer, the benchmarks and the addition transformer

        /// Data, model, training loop, preprocessing, server and web page of the digit recognizer.
        .target(
            name: "MNISTApp",
            dependencies: ["NumSight"],
            path: "Examples/MNISTApp",
            exclude: ["Web"]
        ),
        /// The `MNISTExample` command line: train, evaluate, predict, serve.
        .executableTarget(
            name: "MNISTExample",
            dependencies: ["MNISTApp"],
            path: "Examples/MNISTExample"
        ),
        /// Measures the machine's peak FMA rate, for the benchmarks' fractions of peak.
        .target(
            name: "CBenchmarkProbes",
            dependencies: ["CNumSightKernels"],
            path: "Examples/CBenchmarkProbes"
        ),
        /// Prints kernel, tape and training figures (`name value unit`).
        .executableTarget(
            name: "NumSightBenchmarks",
            dependencies: ["NumSight", "MNISTApp", "CBenchmarkProbes"],
            path: "Examples/NumSightBenchmarks"
        ),

        /// A decoder-only transformer that learns three-digit addition, from the public API only.
        .executableTarget(
            name: "AdditionTransformer",
            dependencies: ["NumSight"],
            path: "Examples/AdditionTransformer"
        ),

        // MARK: Tests

        /// Reads the guides' marked code blocks, for both test targets.
        .target(
            name: "DocumentationTestSupport",
            path: "Tests/DocumentationTestSupport"
        ),
        /// Naive kernels written from the definitions: the oracle the C kernels are tested against.
        .target(
            name: "CNumSightReferenceKernels",
            dependencies: ["CNumSightKernels"],
            path: "Tests/CNumSightReferenceKernels"
        ),
        .testTarget(
            name: "NumSightTests",
            dependencies: ["NumSight", "DocumentationTestSupport", "CNumSightReferenceKernels"],
            path: "Tests/NumSightTests",
            exclude: ["Serialization/Fixtures"]
        ),
        .testTarget(
            name: "MNISTAppTests",
            dependencies: ["MNISTApp", "DocumentationTestSupport"],
            path: "Tests/MNISTAppTests",
            exclude: ["LoadTests", "WebTests"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

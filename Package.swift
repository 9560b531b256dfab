// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NumSight",
    products: [
        .library(name: "NumSight", targets: ["NumSight"]),
        .library(name: "MNIST", targets: ["MNIST"]),
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

        // MARK: Example building blocks — know nothing of MNIST or of automatic differentiation

        /// An HTTP/1.1 server on POSIX sockets: parser, connections, router, static files.
        .target(
            name: "HTTPServer",
            path: "Examples/HTTPServer"
        ),
        /// PNG decoder and encoder, with the DEFLATE, zlib and gzip formats they and MNIST's files use.
        .target(
            name: "ImageCodecs",
            path: "Examples/ImageCodecs"
        ),
        /// Line charts, confusion matrices and a canvas with a bitmap font, written as PNG files.
        .target(
            name: "Plotting",
            dependencies: ["NumSight", "ImageCodecs"],
            path: "Examples/Plotting"
        ),

        // MARK: Examples — the MNIST digit recognizer, the benchmarks and the addition transformer

        /// MNIST data, batches and augmentation, the seed CNN, the training loop and its callbacks,
        /// evaluation: what a student's package needs to train a digit classifier.
        .target(
            name: "MNIST",
            dependencies: ["NumSight", "ImageCodecs"],
            path: "Examples/MNIST"
        ),
        /// The digit recognizer: prediction, preprocessing of drawings, feedback, the web app's routes
        /// and page, and the command line.
        .target(
            name: "MNISTApp",
            dependencies: ["NumSight", "MNIST", "HTTPServer", "ImageCodecs", "Plotting"],
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
            dependencies: ["NumSight", "MNIST", "CBenchmarkProbes"],
            path: "Examples/NumSightBenchmarks",
            exclude: ["pytorch_baseline.py", "compare_with_pytorch.py"]
        ),

        /// A decoder-only transformer that learns three-digit addition; the model uses NumSight's public API only.
        .executableTarget(
            name: "AdditionTransformer",
            dependencies: ["NumSight", "Plotting"],
            path: "Examples/AdditionTransformer"
        ),

        // MARK: Tests — one test target per target above

        /// `NumSightFuzz TARGET`: libFuzzer on each parser of untrusted bytes (built with
        /// `-sanitize=fuzzer,address`: see Tests/Fuzzing/run_fuzzers.sh), or a replayer of crash files.
        .executableTarget(
            name: "NumSightFuzz",
            dependencies: ["NumSight", "HTTPServer", "ImageCodecs", "MNIST", "MNISTApp"],
            path: "Tests/Fuzzing/NumSightFuzz"
        ),

        /// Reads the guides' marked code blocks, for both documentation suites.
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
        /// Synthetic digits, seeded random bytes, pixel counts and a raw HTTP client, for the examples' tests.
        .target(
            name: "ExampleTestSupport",
            dependencies: ["NumSight", "MNIST", "HTTPServer", "ImageCodecs", "Plotting"],
            path: "Tests/ExampleTestSupport"
        ),
        .testTarget(
            name: "NumSightTests",
            dependencies: ["NumSight", "DocumentationTestSupport", "CNumSightReferenceKernels"],
            path: "Tests/NumSightTests",
            exclude: ["Serialization/Fixtures"]
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer", "ExampleTestSupport"],
            path: "Tests/HTTPServerTests"
        ),
        .testTarget(
            name: "ImageCodecsTests",
            dependencies: ["ImageCodecs", "ExampleTestSupport"],
            path: "Tests/ImageCodecsTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlottingTests",
            dependencies: ["Plotting", "ImageCodecs", "ExampleTestSupport"],
            path: "Tests/PlottingTests"
        ),
        .testTarget(
            name: "MNISTTests",
            dependencies: ["MNIST", "ExampleTestSupport"],
            path: "Tests/MNISTTests"
        ),
        .testTarget(
            name: "MNISTAppTests",
            dependencies: ["MNISTApp", "ExampleTestSupport", "DocumentationTestSupport"],
            path: "Tests/MNISTAppTests",
            exclude: ["LoadTests", "WebTests"]
        ),
    ]
)

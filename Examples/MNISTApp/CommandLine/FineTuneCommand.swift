import Foundation
import MNIST
import NumSight

/// `MNISTExample finetune`: fine-tunes a trained model on the corrections collected by
/// `POST /feedback`, mixed with MNIST (see ``FineTuning``), reports accuracy before and
/// after, and writes the result beside the model unless `--output` says where.
enum FineTuneCommand: Subcommand {
    public static let name = "finetune"
    static let summary = "Fine-tune a trained model on the digits users corrected, mixed with MNIST."
    public static let options = [
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model to start from (safetensors); never overwritten unless --output names it."),
        CommandLineOption("feedback", valueName: "FOLDER", default: TrainingOutput(folder: TrainingOutput.defaultFolder)
                              .feedbackFolder.relativePath,
                          help: "The feedback store written by 'serve'."),
        CommandLineOption("epochs", valueName: "N", default: "2", help: "Passes over the MNIST training set."),
        CommandLineOption("output", valueName: "PATH",
                          help: "Where to write the fine-tuned model (default: MODEL-finetuned.safetensors beside it)."),
        CommandLineOption("learning-rate", valueName: "RATE", default: "0.0001", help: "Adam's learning rate, constant."),
        CommandLineOption("feedback-fraction", valueName: "F", default: "0.25",
                          help: "The share of every batch drawn from the feedback digits."),
        CommandLineOption("batch-size", valueName: "N", default: "128", help: "Examples per update."),
        CommandLineOption("seed", valueName: "N", default: "42", help: "Seeds the order and the augmentation."),
        CommandLineOption("threads", valueName: "N", default: "\(ProcessInfo.processInfo.activeProcessorCount)",
                          help: "Threads for the kernels."),
        CommandLineOption("data-dir", valueName: "FOLDER", default: DataDirectory.bundledMNIST.path,
                          help: "A folder with the four MNIST IDX files (.gz or not)."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        // Every value is checked here, before `FineTuning` or the trainer could trap on it.
        let epochs = try arguments.required("epochs", as: Int.self, "a positive whole number") { $0 > 0 }
        let batchSize = try arguments.required("batch-size", as: Int.self, "a whole number of 2 or more") { $0 >= 2 }
        let learningRate = try arguments.required("learning-rate", as: Double.self, "a positive number") {
            $0 > 0 && $0.isFinite
        }
        let feedbackFraction = try arguments.required("feedback-fraction", as: Double.self, "a number in [0, 1]") {
            (0...1).contains($0)
        }
        let threads = try arguments.required("threads", as: Int.self, "a positive whole number") { $0 > 0 }
        let tuning = FineTuning(epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                                feedbackFraction: feedbackFraction, seed: try arguments.required("seed"))
        let modelURL = URL(fileURLWithPath: arguments.string("model")!)
        let outputURL = arguments.string("output").map { URL(fileURLWithPath: $0) } ?? defaultOutput(for: modelURL)
        let feedbackFolder = URL(fileURLWithPath: arguments.string("feedback")!, isDirectory: true)
        let dataFolder = URL(fileURLWithPath: arguments.string("data-dir")!, isDirectory: true)

        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: modelURL)
        let contents = try FeedbackStore.read(from: feedbackFolder)
        if let damage = contents.damageReport { print("Feedback store: \(damage).") }
        guard !contents.samples.isEmpty else {
            throw FineTuningError.noFeedback(folder: feedbackFolder.relativePath)
        }
        let training = try MNISTDataset(split: .training, directory: dataFolder)
        let test = try MNISTDataset(split: .test, directory: dataFolder)
        print("Fine-tuning \(modelURL.relativePath) on \(contents.samples.count) feedback digits mixed with "
              + "\(training.count) MNIST digits, \(tuning.epochs) epoch(s).")
        let report = try tuning.run(model, feedback: contents.dataset, training: training, test: test,
                                    threadCount: threads, callbacks: [ProgressReporter()])
        print(report)
        try Checkpoint.save(model, to: outputURL, metadata: [
            "architecture": SeedCNN.architectureName, "fineTunedFrom": modelURL.lastPathComponent,
            "feedbackSamples": "\(contents.samples.count)", "fineTuningEpochs": "\(tuning.epochs)",
        ])
        print("Model: \(outputURL.relativePath)")
        return 0
    }

    /// `model-finetuned.safetensors` beside `model.safetensors`.
    static func defaultOutput(for model: URL) -> URL {
        model.deletingLastPathComponent()
            .appendingPathComponent(model.deletingPathExtension().lastPathComponent + "-finetuned.safetensors")
    }
}

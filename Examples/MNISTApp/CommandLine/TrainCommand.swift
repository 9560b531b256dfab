import Foundation
import MNIST
import NumSight
import Plotting

/// `MNISTExample train`: trains the seed CNN with the original's recipe (Adam 1e-3,
/// batch 128, up to 15 epochs, the last 10 % as validation, early stopping on
/// validation accuracy) plus augmentation afresh every epoch, then reports on the
/// test set.
public enum TrainCommand: Subcommand {
    public static let name = "train"
    public static let summary = "Train the CNN on MNIST; save the best model, its history and plots."
    public static let options = [
        CommandLineOption("epochs", valueName: "N", default: "15", help: "The most epochs to train."),
        CommandLineOption("batch-size", valueName: "N", default: "128", help: "Examples per update."),
        CommandLineOption("learning-rate", valueName: "RATE", default: "0.001", help: "Adam's learning rate."),
        CommandLineOption("seed", valueName: "N", default: "42",
                          help: "Seeds weights, order and augmentation: the same seed and threads give the same model."),
        CommandLineOption("augmentation", valueName: "KIND", default: "default",
                          help: "default (rotation ±8°, shift and zoom ±8 %, stroke width), warp (without stroke width), "
                              + "original (the Keras app's), or none; add pieces with +width, +elastic, +slant, +aspect."),
        CommandLineOption("schedule", valueName: "KIND", default: "cosine",
                          help: "cosine (decay to 1 % over the epochs), plateau (halve when validation loss stalls), or constant."),
        CommandLineOption("validation-fraction", valueName: "F", default: "0.1",
                          help: "The last part of the training set held out for validation."),
        CommandLineOption("patience", valueName: "N", default: "3",
                          help: "Epochs without a better validation accuracy before stopping."),
        CommandLineOption("output", valueName: "FOLDER", default: TrainingOutput.defaultFolder.relativePath,
                          help: "Where to write the model, history.csv and the plots."),
        CommandLineOption("resume", valueName: "PATH", help: "Continue from a checkpoint written by an earlier run."),
        CommandLineOption("threads", valueName: "N", default: "\(ProcessInfo.processInfo.activeProcessorCount)",
                          help: "Threads for the kernels."),
        CommandLineOption("data-dir", valueName: "FOLDER", default: DataDirectory.bundledMNIST.path,
                          help: "A folder with the four MNIST IDX files (.gz or not), e.g. Fashion-MNIST."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let epochs: Int = try arguments.required("epochs")
        let batchSize: Int = try arguments.required("batch-size")
        let fraction: Double = try arguments.required("validation-fraction")
        let threads: Int = try arguments.required("threads")
        let patience: Int = try arguments.required("patience")
        guard epochs > 0, batchSize > 0, threads > 0, patience >= 0 else {
            throw UsageError("epochs, batch size and threads must be positive, patience not negative")
        }
        guard fraction > 0 && fraction < 1 else { throw UsageError("'--validation-fraction' must be between 0 and 1") }
        let augmentationName = arguments.string("augmentation")!
        let augmentation = augmentationName == "none" ? nil : AugmentationSettings(named: augmentationName)
        if augmentation == nil && augmentationName != "none" {
            throw UsageError("'--augmentation' is default, warp, original or none, optionally with +"
                             + AugmentationSettings.pieceNames.joined(separator: ", +") + ", not '\(augmentationName)'")
        }
        let schedule = arguments.string("schedule")!
        guard ["cosine", "plateau", "constant"].contains(schedule) else {
            throw UsageError("'--schedule' is cosine, plateau or constant, not '\(schedule)'")
        }
        let seed: UInt64 = try arguments.required("seed")
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!, isDirectory: true))
        let dataFolder = URL(fileURLWithPath: arguments.string("data-dir")!, isDirectory: true)

        let clock = ContinuousClock()
        let start = clock.now
        let (training, validation) = try MNISTDataset(split: .training, directory: dataFolder)
            .splitForValidation(fraction: fraction)
        let test = try MNISTDataset(split: .test, directory: dataFolder)
        print("MNIST: \(training.count) training, \(validation.count) validation, \(test.count) test images.")

        let model = withRandomSeed(seed) { SeedCNN.makeModel() }
        print(model.summary(inputShape: [1] + SeedCNN.inputShape))
        let loader = BatchLoader(dataset: training, batchSize: batchSize, augmentation: augmentation, seed: seed)
        let learningRate: Double = try arguments.required("learning-rate")
        let optimizer = Adam<Float>(learningRate: learningRate, epsilon: 1e-7)
        if schedule == "cosine" {
            optimizer.schedule = CosineDecay(peakRate: learningRate, decaySteps: epochs * loader.batchCount,
                                             minimumFraction: 0.01)
        }
        let plateau = schedule == "plateau"
            ? [ReduceLROnPlateau(monitor: MetricName.validationLoss, factor: 0.5, patience: 2)] : []
        try FileManager.default.createDirectory(at: output.folder, withIntermediateDirectories: true)
        let trainer = Trainer(model: model, optimizer: optimizer, architectureName: SeedCNN.architectureName,
                              threadCount: threads, callbacks: [TerminateOnNaN()] + plateau + [
                                  EarlyStopping(monitor: MetricName.validationAccuracy, patience: patience,
                                                restoresBestWeights: true),
                                  try ModelCheckpoint(path: output.bestModel.path, monitor: MetricName.validationAccuracy,
                                                      savesBestOnly: true),
                                  CSVLogger(url: output.history),
                                  ProgressReporter(),
                              ])
        let initialEpoch = try arguments.string("resume").map { try trainer.restore(from: URL(fileURLWithPath: $0)) } ?? 0
        if initialEpoch >= epochs { throw UsageError("the checkpoint has already trained \(initialEpoch) epochs") }
        let history = try trainer.fit(loader, validation: .evaluating(validation), epochs: epochs,
                                      initialEpoch: initialEpoch)
        if let reason = trainer.stopReason { print("Stopped early: \(reason)") }

        try TrainingHistoryPlot(
            loss: history.metrics[MetricName.loss] ?? [], accuracy: history.metrics[MetricName.accuracy] ?? [],
            validationLoss: history.metrics[MetricName.validationLoss] ?? [],
            validationAccuracy: history.metrics[MetricName.validationAccuracy] ?? []
        ).writePNG(to: output.trainingHistoryPlot)
        let evaluation = try EvaluateCommand.evaluate(model, on: test, writingTo: output)
        let seconds = Double((clock.now - start).components.seconds)
        print(String(format: "Done in %.0f s: test accuracy %.2f %%, test loss %.4f.", seconds,
                     100 * evaluation.accuracy, evaluation.loss))
        print("Model: \(output.bestModel.relativePath)  History: \(output.history.relativePath)  "
              + "Plot: \(output.trainingHistoryPlot.relativePath)")
        return 0
    }
}

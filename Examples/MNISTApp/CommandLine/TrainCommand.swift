import Foundation
import MNIST
import NumSight
import Plotting

/// `MNISTExample train`: trains the seed CNN with a ``TrainingRecipe`` (the default
/// one, a fixed six-epoch budget, or `--recipe original`, the Keras app's), each of
/// its settings overridable, then reports on the test set.
public enum TrainCommand: Subcommand {
    public static let name = "train"
    public static let summary = "Train the CNN on MNIST; save the model, its history and plots."
    public static let options = [
        CommandLineOption("recipe", valueName: "NAME", default: "default",
                          help: "default (6 epochs, warm-up and cosine decay to zero, no early stopping) or original "
                              + "(the Keras app's: up to 15 epochs, rate halved on plateaus, early stopping)."),
        CommandLineOption("epochs", valueName: "N", help: "Epochs to train, the most with early stopping. (recipe: 6 or 15)"),
        CommandLineOption("batch-size", valueName: "N", default: "128", help: "Examples per update."),
        CommandLineOption("learning-rate", valueName: "RATE",
                          help: "Adam's learning rate, the peak of the cosine schedule. (recipe: 0.003 or 0.001)"),
        CommandLineOption("schedule", valueName: "KIND",
                          help: "cosine (warm-up, then decay to zero), plateau (halve when validation loss stalls), "
                              + "or constant. (recipe: cosine or plateau)"),
        CommandLineOption("warmup-epochs", valueName: "F",
                          help: "The cosine schedule's linear warm-up, in epochs. (recipe: 0.5)"),
        CommandLineOption("augmentation", valueName: "KIND",
                          help: "default (rotation ±8°, shift and zoom ±8 %, stroke width), warp (without stroke width), "
                              + "original (the Keras app's), or none; add pieces with +width, +elastic, +slant, +aspect. "
                              + "(recipe: default or original)"),
        CommandLineOption("patience", valueName: "N",
                          help: "Epochs without a better validation accuracy before stopping (then the best epoch's "
                              + "weights are kept), or none. (recipe: none or 3)"),
        CommandLineOption("seed", valueName: "N", default: "42",
                          help: "Seeds weights, order and augmentation: the same seed, threads and kernel path give the same model."),
        CommandLineOption("validation-fraction", valueName: "F", default: "0.1",
                          help: "The last part of the training set held out for validation."),
        CommandLineOption("output", valueName: "FOLDER", default: TrainingOutput.defaultFolder.relativePath,
                          help: "Where to write the model, history.csv and the plots."),
        CommandLineOption("resume", valueName: "PATH", help: "Continue from a checkpoint written by an earlier run."),
        CommandLineOption("threads", valueName: "N", default: "\(ProcessInfo.processInfo.activeProcessorCount)",
                          help: "Threads for the kernels."),
        CommandLineOption("data-dir", valueName: "FOLDER", default: DataDirectory.bundledMNIST.path,
                          help: "A folder with the four MNIST IDX files (.gz or not), e.g. Fashion-MNIST."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let recipe = try recipe(from: arguments)
        let batchSize: Int = try arguments.required("batch-size")
        let fraction: Double = try arguments.required("validation-fraction")
        let threads: Int = try arguments.required("threads")
        guard batchSize > 0, threads > 0 else { throw UsageError("batch size and threads must be positive") }
        guard fraction > 0 && fraction < 1 else { throw UsageError("'--validation-fraction' must be between 0 and 1") }
        let seed: UInt64 = try arguments.required("seed")
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!, isDirectory: true))
        let dataFolder = URL(fileURLWithPath: arguments.string("data-dir")!, isDirectory: true)

        let clock = ContinuousClock()
        let start = clock.now
        let (training, validation) = try MNISTDataset(split: .training, directory: dataFolder)
            .splitForValidation(fraction: fraction)
        let test = try MNISTDataset(split: .test, directory: dataFolder)
        print("MNIST: \(training.count) training, \(validation.count) validation, \(test.count) test images.")
        print("Kernels: \(KernelConfiguration.path.rawValue), \(threads) threads.")

        let model = withRandomSeed(seed) { SeedCNN.makeModel() }
        print(model.summary(inputShape: [1] + SeedCNN.inputShape))
        let loader = BatchLoader(dataset: training, batchSize: batchSize, augmentation: recipe.augmentation, seed: seed)
        let optimizer = Adam<Float>(learningRate: recipe.learningRate, epsilon: 1e-7)
        optimizer.schedule = recipe.learningRateSchedule(batchesPerEpoch: loader.batchCount)
        let plateau = recipe.schedule == .plateau
            ? [ReduceLROnPlateau(monitor: MetricName.validationLoss, factor: 0.5, patience: 2)] : []
        // With early stopping the best epoch's weights are kept; without, the last epoch's.
        let stopping: [any TrainingCallback] = recipe.patience.map {
            [EarlyStopping(monitor: MetricName.validationAccuracy, patience: $0,
                           startEpoch: recipe.earlyStoppingStartEpoch, restoresBestWeights: true)]
        } ?? []
        try FileManager.default.createDirectory(at: output.folder, withIntermediateDirectories: true)
        let trainer = Trainer(model: model, optimizer: optimizer, architectureName: SeedCNN.architectureName,
                              threadCount: threads, callbacks: [TerminateOnNaN()] + plateau + stopping + [
                                  try ModelCheckpoint(path: output.bestModel.path, monitor: MetricName.validationAccuracy,
                                                      savesBestOnly: recipe.patience != nil),
                                  CSVLogger(url: output.history),
                                  ProgressReporter(),
                              ])
        let initialEpoch = try arguments.string("resume").map { try trainer.restore(from: URL(fileURLWithPath: $0)) } ?? 0
        if initialEpoch >= recipe.epochs {
            throw UsageError("the checkpoint has already trained \(initialEpoch) epochs")
        }
        let history = try trainer.fit(loader, validation: .evaluating(validation), epochs: recipe.epochs,
                                      initialEpoch: initialEpoch)
        if let reason = trainer.stopReason { print("Stopped early: \(reason)") }

        try TrainingHistoryPlot(
            loss: history.metrics[MetricName.loss] ?? [], accuracy: history.metrics[MetricName.accuracy] ?? [],
            validationLoss: history.metrics[MetricName.validationLoss] ?? [],
            validationAccuracy: history.metrics[MetricName.validationAccuracy] ?? []
        ).writePNG(to: output.trainingHistoryPlot)
        let evaluation = try EvaluateCommand.evaluate(model, on: test, writingTo: output)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(String(format: "Done in %.0f s: test accuracy %.2f %%, test loss %.4f.", seconds,
                     100 * evaluation.accuracy, evaluation.loss))
        print("Model: \(output.bestModel.relativePath)  History: \(output.history.relativePath)  "
              + "Plot: \(output.trainingHistoryPlot.relativePath)")
        return 0
    }

    /// The recipe `--recipe` names, with the settings given on the command line instead of its own.
    static func recipe(from arguments: ParsedArguments) throws(UsageError) -> TrainingRecipe {
        var recipe: TrainingRecipe = switch arguments.string("recipe")! {
        case "default": .default
        case "original": .original
        case let other: throw UsageError("'--recipe' is default or original, not '\(other)'")
        }
        if let epochs = try arguments.value("epochs", as: Int.self) { recipe.epochs = epochs }
        if let rate = try arguments.value("learning-rate", as: Double.self) { recipe.learningRate = rate }
        if let warmup = try arguments.value("warmup-epochs", as: Double.self) { recipe.warmupEpochs = warmup }
        if let name = arguments.string("schedule") {
            guard let schedule = TrainingRecipe.Schedule(rawValue: name) else {
                throw UsageError("'--schedule' is cosine, plateau or constant, not '\(name)'")
            }
            recipe.schedule = schedule
        }
        if let name = arguments.string("augmentation") {
            let augmentation = name == "none" ? nil : AugmentationSettings(named: name)
            guard augmentation != nil || name == "none" else {
                throw UsageError("'--augmentation' is default, warp, original or none, optionally with +"
                                 + AugmentationSettings.pieceNames.joined(separator: ", +") + ", not '\(name)'")
            }
            recipe.augmentation = augmentation
        }
        switch arguments.string("patience") {
        case nil: break
        case "none": recipe.patience = nil
        case _: recipe.patience = try arguments.value("patience", as: Int.self)
        }
        guard recipe.epochs > 0, recipe.learningRate > 0, (recipe.patience ?? 0) >= 0,
              recipe.warmupEpochs >= 0 && recipe.warmupEpochs < Double(recipe.epochs) else {
            throw UsageError("epochs and learning rate must be positive, patience not negative, "
                             + "and the warm-up shorter than the epochs")
        }
        return recipe
    }
}

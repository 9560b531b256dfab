import Foundation
import MNIST
import NumSight
import Plotting

/// `MNISTExample evaluate`: test accuracy, per-class accuracy, the confusion matrix
/// (printed and as a heat map) and a grid of the misclassified digits.
enum EvaluateCommand: Subcommand {
    public static let name = "evaluate"
    static let summary = "Measure a trained model on the test set; draw its confusion matrix and mistakes."
    public static let options = [
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model (safetensors)."),
        CommandLineOption("data-dir", valueName: "FOLDER", default: DataDirectory.bundledMNIST.path,
                          help: "A folder with the four MNIST IDX files (.gz or not)."),
        CommandLineOption("output", valueName: "FOLDER", default: TrainingOutput.defaultFolder.relativePath,
                          help: "Where to write confusion_matrix.png and misclassified.png."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: URL(fileURLWithPath: arguments.string("model")!))
        let test = try MNISTDataset(split: .test, directory: URL(fileURLWithPath: arguments.string("data-dir")!))
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!, isDirectory: true))
        try evaluate(model, on: test, writingTo: output)
        return 0
    }

    /// Prints the evaluation of `model` on `test` and writes its pictures into `output`.
    @discardableResult
    static func evaluate(_ model: Sequential<Float>, on test: MNISTDataset, writingTo output: TrainingOutput) throws
        -> ModelEvaluation {
        let evaluation = ModelEvaluation(model: model, dataset: test)
        print(String(format: "Test accuracy %.2f %% (%d of %d), loss %.4f", 100 * evaluation.accuracy,
                     test.count - evaluation.mistakes.count, test.count, evaluation.loss))
        print(evaluation.report)
        try FileManager.default.createDirectory(at: output.folder, withIntermediateDirectories: true)
        try ConfusionMatrixPlot(counts: evaluation.confusion).writePNG(to: output.confusionMatrixPlot)
        let shown = evaluation.mistakes.prefix(60).map { mistake in
            DigitGrid.Item(pixels: Array(test.image(at: mistake.index)), trueLabel: Int(test.labels[mistake.index]),
                           predictedLabel: mistake.predicted)
        }
        if !shown.isEmpty {
            try DigitGrid(items: shown, columns: 10, title: "Misclassified test digits (true→predicted)")
                .writePNG(to: output.misclassifiedDigits)
        }
        print("Wrote \(output.confusionMatrixPlot.relativePath) and \(output.misclassifiedDigits.relativePath)")
        return evaluation
    }
}

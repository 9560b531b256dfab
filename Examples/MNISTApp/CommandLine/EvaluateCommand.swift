import Foundation
import MNIST
import NumSight
import Plotting

/// `MNISTExample evaluate`: test accuracy, per-class accuracy, the confusion matrix
/// (printed and as a heat map) and a grid of the misclassified digits; then accuracy
/// per class and per style on the synthetic canvas drawings of ``RobustnessSet``,
/// read as `POST /predict` reads them.
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
        CommandLineOption("robustness-seed", valueName: "N", default: "17", help: "The robustness set's seed."),
        CommandLineOption("robustness-per-digit", valueName: "N", default: "100",
                          help: "Robustness drawings of each digit; 0 skips the set."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: URL(fileURLWithPath: arguments.string("model")!))
        let test = try MNISTDataset(split: .test, directory: URL(fileURLWithPath: arguments.string("data-dir")!))
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!, isDirectory: true))
        try evaluate(model, on: test, writingTo: output)
        let perDigit: Int = try arguments.required("robustness-per-digit")
        guard perDigit >= 0 else { throw UsageError("'--robustness-per-digit' must not be negative") }
        if perDigit > 0 {
            let set = RobustnessSet(seed: try arguments.required("robustness-seed"), drawingsPerDigit: perDigit)
            try evaluate(DigitRecognizer(model: model), on: set, writingTo: output)
        }
        return 0
    }

    /// Prints how `recognizer` reads the robustness set, overall, per class and per style, and
    /// writes the model inputs of the drawings it misreads into `output`.
    @discardableResult
    static func evaluate(_ recognizer: DigitRecognizer, on set: RobustnessSet, writingTo output: TrainingOutput) throws
        -> ModelEvaluation {
        let (evaluation, styles) = try set.evaluation(of: recognizer)
        print(String(format: "Robustness set accuracy %.2f %% (%d of %d canvas drawings), loss %.4f",
                     100 * evaluation.accuracy, set.drawings.count - evaluation.mistakes.count, set.drawings.count,
                     evaluation.loss))
        print(evaluation.report)
        let width = styles.map(\.0.count).max() ?? 0
        print("style" + String(repeating: " ", count: width - 3) + "accuracy")
        for (style, accuracy) in styles {
            print(style.padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(format: "%6.1f %%", 100 * accuracy))
        }
        let shown = evaluation.mistakes.prefix(60).compactMap { mistake -> DigitGrid.Item? in
            let drawing = set.drawings[mistake.index]
            guard let input = try? recognizer.recognizeAll(drawing: drawing.image).mostConfident.modelInput else { return nil }
            return DigitGrid.Item(pixels: input.map { UInt8(($0 * 255).rounded()) }, trueLabel: drawing.label,
                                  predictedLabel: mistake.predicted)
        }
        if !shown.isEmpty {
            try DigitGrid(items: shown, columns: 10, title: "Misread canvas drawings, as the model sees them (true→predicted)")
                .writePNG(to: output.robustnessMistakes)
            print("Wrote \(output.robustnessMistakes.relativePath)")
        }
        return evaluation
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

import Foundation
import MNIST
import NumSight

/// `MNISTExample export --to FOLDER`: the collected feedback digits as MNIST-style IDX
/// files, and the model's predictions for them as CSV, for study elsewhere.
///
///     feedback-images-idx3-ubyte   [count, 28, 28] uint8, 0 background to 255 full ink
///     feedback-labels-idx1-ubyte   [count] uint8, the digits users said they were
///     predictions.csv              index,label,predicted,confidence,p0,…,p9
enum ExportCommand: Subcommand {
    public static let name = "export"
    static let summary = "Write the feedback digits as IDX files and the model's predictions for them as CSV."
    public static let options = [
        CommandLineOption("to", valueName: "FOLDER", help: "Where to write the files (created if need be); required."),
        CommandLineOption("feedback", valueName: "FOLDER", default: TrainingOutput(folder: TrainingOutput.defaultFolder)
                              .feedbackFolder.relativePath,
                          help: "The feedback store written by 'serve'."),
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The model whose predictions to write (safetensors)."),
    ]

    /// The names of the files written.
    static let imagesFileName = "feedback-images-idx3-ubyte"
    static let labelsFileName = "feedback-labels-idx1-ubyte"
    static let predictionsFileName = "predictions.csv"

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let destination = arguments.string("to") else { throw UsageError("'--to FOLDER' is required") }
        let folder = URL(fileURLWithPath: destination, isDirectory: true)
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: URL(fileURLWithPath: arguments.string("model")!))
        let contents = try FeedbackStore.read(from: URL(fileURLWithPath: arguments.string("feedback")!, isDirectory: true))
        if let damage = contents.damageReport { print("Feedback store: \(damage).") }
        try export(contents.dataset, predictedBy: model, to: folder)
        print("Wrote \(contents.samples.count) feedback digits to \(folder.relativePath): "
              + [imagesFileName, labelsFileName, predictionsFileName].joined(separator: ", "))
        return 0
    }

    /// Writes `samples` and `model`'s predictions for them into `folder`, each file atomically.
    static func export<Model: Layer>(_ samples: MNISTDataset, predictedBy model: Model, to folder: URL) throws
    where Model.Scalar == Float {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let side = MNISTDataset.imageSide
        try IDXFile(shape: [samples.count, side, side], data: samples.images)
            .write(to: folder.appendingPathComponent(imagesFileName))
        try IDXFile(shape: [samples.count], data: samples.labels).write(to: folder.appendingPathComponent(labelsFileName))
        try AtomicFileWriter.write(Array(predictionsCSV(samples, predictedBy: model).utf8),
                                   to: folder.appendingPathComponent(predictionsFileName))
    }

    /// A header line, then one row per sample: index, label, predicted digit, its probability, p0…p9.
    static func predictionsCSV<Model: Layer>(_ samples: MNISTDataset, predictedBy model: Model) -> String
    where Model.Scalar == Float {
        var lines = [(["index", "label", "predicted", "confidence"] + (0...9).map { "p\($0)" }).joined(separator: ",")]
        if samples.count > 0 {
            let images = Tensor(samples.images.map { Float($0) / 255 }, shape: [samples.count] + SeedCNN.inputShape)
            let probabilities = model.probabilities(for: images).scalars
            let classCount = probabilities.count / samples.count
            for index in 0..<samples.count {
                let recognition = Recognition(probabilities: Array(probabilities[(index * classCount)..<((index + 1) * classCount)]),
                                              modelInput: [])
                lines.append(([String(index), String(samples.labels[index]), String(recognition.digit),
                               "\(recognition.confidence)"] + recognition.probabilities.map { "\($0)" })
                    .joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

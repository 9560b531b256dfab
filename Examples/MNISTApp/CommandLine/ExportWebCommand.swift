import Foundation
import MNIST
import NumSight

/// `MNISTExample export-web FOLDER`: the page and the trained model as a static site that
/// recognises digits in the browser, with no server.
enum ExportWebCommand: Subcommand {
    public static let name = "export-web"
    static let summary = "Write the page and the model as a static site that recognises digits in the browser."
    static let positionalUsage = "FOLDER"
    public static let options = [
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model (safetensors); its folder's training_history.png goes along when there is one."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard arguments.positional.count == 1 else { throw UsageError("give one FOLDER to write the site into") }
        let folder = URL(fileURLWithPath: arguments.positional[0], isDirectory: true)
        let modelFile = URL(fileURLWithPath: arguments.string("model")!)
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: modelFile)
        let run = TrainingOutput(folder: modelFile.deletingLastPathComponent())
        let files = try WebApp.exportStaticSite(model: model, to: folder, trainingHistoryPlot: run.trainingHistoryPlot)
        print("Wrote \(files.joined(separator: ", ")) to \(folder.path).")
        print("Serve it from any static file host; to try it here: python3 -m http.server 8000 --directory \(folder.path)")
        return 0
    }
}

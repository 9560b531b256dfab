import Foundation
import HTTPServer

/// `MNISTExample serve`: the web app on an HTTP server, until SIGINT or SIGTERM.
enum ServeCommand: Subcommand {
    public static let name = "serve"
    static let summary = "Serve the drawing page and the prediction API with a trained model."
    public static let options = [
        CommandLineOption("host", valueName: "ADDRESS", default: "127.0.0.1", help: "Address to listen on."),
        CommandLineOption("port", valueName: "N", default: "5000", help: "Port to listen on."),
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model (safetensors)."),
        CommandLineOption("output", valueName: "FOLDER", default: TrainingOutput.defaultFolder.relativePath,
                          help: "Where training wrote training_history.png."),
        CommandLineOption("feedback", valueName: "FOLDER",
                          help: "Where POST /feedback stores corrections (default: the output folder's feedback/)."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let port = try arguments.required("port", as: Int.self, "a port number from 0 to 65535") { (0...65535).contains($0) }
        let modelURL = URL(fileURLWithPath: arguments.string("model")!)
        // Without a model the page and /health still answer, and /predict says 503.
        var recognizer: DigitRecognizer?
        if FileManager.default.fileExists(atPath: modelURL.path) {
            recognizer = try DigitRecognizer(checkpoint: modelURL)
        } else {
            MNISTCommandLine.printError("no model at \(modelURL.relativePath): serving without one "
                                        + "(/predict answers 503); train one with 'MNISTExample train'")
        }
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!))
        let feedbackFolder = arguments.string("feedback").map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? output.feedbackFolder
        let feedbackStore = try FeedbackStore(folder: feedbackFolder)
        let configuration = HTTPServer.Configuration(host: arguments.string("host")!,
                                                     port: port)
        try serve(recognizer: recognizer, output: output, feedbackStore: feedbackStore, configuration: configuration)
        return 0
    }

    /// Runs the server until a signal stops it.
    static func serve(recognizer: DigitRecognizer?, output: TrainingOutput, feedbackStore: FeedbackStore? = nil,
                      configuration: HTTPServer.Configuration) throws {
        let router = WebApp.router(recognizer: recognizer, trainingHistoryPlot: output.trainingHistoryPlot,
                                   feedbackStore: feedbackStore)
        let server = HTTPServer(configuration: configuration, router: router)
        server.stopOnSignals()
        try server.start()
        print("Serving http://\(configuration.host):\(server.port ?? configuration.port)/ — press Ctrl-C to stop.")
        server.wait()
        print("Server stopped.")
    }
}

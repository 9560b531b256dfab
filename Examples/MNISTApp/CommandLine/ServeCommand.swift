import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `MNISTExample serve`: the web app on an HTTP server, until SIGINT or SIGTERM.
public enum ServeCommand: Subcommand {
    public static let name = "serve"
    public static let summary = "Serve the drawing page and the prediction API with a trained model."
    public static let options = [
        CommandLineOption("host", valueName: "ADDRESS", default: "127.0.0.1", help: "Address to listen on."),
        CommandLineOption("port", valueName: "N", default: "5000", help: "Port to listen on."),
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model (safetensors)."),
        CommandLineOption("output", valueName: "FOLDER", default: TrainingOutput.defaultFolder.relativePath,
                          help: "Where training wrote training_history.png."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let modelURL = URL(fileURLWithPath: arguments.string("model")!)
        let recognizer = try DigitRecognizer(checkpoint: modelURL)
        let output = TrainingOutput(folder: URL(fileURLWithPath: arguments.string("output")!))
        let configuration = HTTPServer.Configuration(host: arguments.string("host")!,
                                                     port: try arguments.required("port", as: Int.self))
        try serve(recognizer: recognizer, output: output, configuration: configuration)
        return 0
    }

    /// Runs the server until a signal stops it.
    static func serve(recognizer: DigitRecognizer, output: TrainingOutput,
                      configuration: HTTPServer.Configuration) throws {
        limitMemoryArenas()
        let router = WebApp.router(recognizer: recognizer, trainingHistoryPlot: output.trainingHistoryPlot)
        let server = HTTPServer(configuration: configuration, router: router)
        server.stopOnSignals()
        try server.start()
        print("Serving http://\(configuration.host):\(server.port ?? configuration.port)/ — press Ctrl-C to stop.")
        server.wait()
        print("Server stopped.")
    }

    /// One malloc arena per core. glibc gives threads that allocate at the same time arenas of
    /// their own, up to eight per core, and each keeps what it freed: with a thread per
    /// connection and a few 300 KB buffers per prediction, the resident memory crept up by
    /// 50 % over 100 000 requests (`Tests/MNISTAppTests/LoadTests/load_test.sh`); with one arena
    /// per core it stays flat, at the same throughput.
    private static func limitMemoryArenas() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: look it up.
        typealias Mallopt = @convention(c) (_ parameter: Int32, _ value: Int32) -> Int32
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaximum, Int32(ProcessInfo.processInfo.activeProcessorCount))
        #endif
    }
}

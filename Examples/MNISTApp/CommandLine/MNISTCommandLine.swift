import Foundation

/// The `MNISTExample` command line: dispatches to a subcommand, prints help and
/// usage errors, and turns failures into exit statuses (0 success, 1 failure,
/// 2 usage error).
public enum MNISTCommandLine {
    /// The subcommands, in the order the overview lists them.
    static let subcommands: [any Subcommand.Type] = [
        TrainCommand.self, EvaluateCommand.self, PredictCommand.self, ServeCommand.self, ExportWebCommand.self,
        FineTuneCommand.self, ExportCommand.self, RobustnessSetCommand.self,
    ]

    /// The overview `--help` prints.
    static var overview: String {
        let width = subcommands.map { $0.name.count }.max() ?? 0
        return (["Usage: MNISTExample [SUBCOMMAND] [options]", "",
                 "Trains a CNN on MNIST and serves a page that recognises drawn digits.",
                 "With no subcommand: trains if \(TrainingOutput.defaultModelPath.relativePath) does not exist, then serves.",
                 "", "Subcommands:"]
            + subcommands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            + ["", "Run 'MNISTExample SUBCOMMAND --help' for a subcommand's options."]).joined(separator: "\n")
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else { return runDefault() }
        if first == "--help" || first == "-h" || first == "help" {
            print(overview)
            return 0
        }
        guard let command = subcommands.first(where: { $0.name == first }) else {
            printError("unknown subcommand '\(first)'\n\n\(overview)")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.help)
            return 0
        }
        do {
            return try command.run(ParsedArguments(rest, options: command.options))
        } catch let error as UsageError {
            printError("\(error)\n\n\(command.help)")
            return 2
        } catch {
            printError(message(for: error))
            return 1
        }
    }

    /// Trains with the defaults when there is no model yet, then serves.
    private static func runDefault() -> Int32 {
        if !FileManager.default.fileExists(atPath: TrainingOutput.defaultModelPath.path) {
            print("No trained model at \(TrainingOutput.defaultModelPath.relativePath): training one first.")
            let status = run([TrainCommand.name])
            guard status == 0 else { return status }
        }
        return run([ServeCommand.name])
    }

    /// A failure in words: file errors name the file, others describe themselves.
    static func message(for error: any Error) -> String {
        if let error = error as? CocoaError, let path = error.filePath ?? error.url?.path {
            return "cannot use \(path): \(error.localizedDescription)"
        }
        return "\(error)"
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}

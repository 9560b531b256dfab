import Foundation

/// `MNISTExample predict IMAGE…`: classifies PNG drawings, one JSON line (or CSV row) each.
enum PredictCommand: Subcommand {
    public static let name = "predict"
    static let summary = "Classify PNG images of digits (dark ink on a light background)."
    static let positionalUsage = "IMAGE…"
    public static let options = [
        CommandLineOption("model", valueName: "PATH", default: TrainingOutput.defaultModelPath.relativePath,
                          help: "The trained model (safetensors)."),
        CommandLineOption("csv", help: "Print CSV (file, digit, confidence, p0…p9) instead of JSON lines."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard !arguments.positional.isEmpty else { throw UsageError("give at least one IMAGE") }
        let recognizer = try DigitRecognizer(checkpoint: URL(fileURLWithPath: arguments.string("model")!))
        let asCSV = arguments.flag("csv")
        if asCSV { print((["file", "digit", "confidence"] + (0...9).map { "p\($0)" }).joined(separator: ",")) }
        var failures = 0
        for path in arguments.positional {
            do {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                let recognition = try recognizer.recognize(png: bytes)
                print(asCSV ? csvRow(path, recognition) : try jsonLine(path, recognition))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
            }
        }
        return failures == 0 ? 0 : 1
    }

    private static func csvRow(_ path: String, _ recognition: Recognition) -> String {
        let quoted = "\"" + path.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return ([quoted, "\(recognition.digit)", "\(recognition.confidence)"] + recognition.probabilities.map { "\($0)" })
            .joined(separator: ",")
    }

    private static func jsonLine(_ path: String, _ recognition: Recognition) throws -> String {
        struct Line: Encodable {
            let file: String
            let digit: Int
            let confidence: Float
            let probabilities: [String: Float]
        }
        let line = Line(file: path, digit: recognition.digit, confidence: recognition.confidence,
                        probabilities: Dictionary(uniqueKeysWithValues: recognition.probabilities.enumerated()
                            .map { ("\($0)", $1) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }
}

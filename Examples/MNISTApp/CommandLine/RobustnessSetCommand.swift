import Foundation
import ImageCodecs
import NumSight

/// `MNISTExample robustness-set`: writes the synthetic drawings of ``RobustnessSet`` as
/// PNG files (`3-flatTopThree-0412.png`: digit, style, index), to look at what
/// `evaluate` measures.
enum RobustnessSetCommand: Subcommand {
    public static let name = "robustness-set"
    static let summary = "Write the robustness set's synthetic canvas drawings as PNG files."
    public static let options = [
        CommandLineOption("output", valueName: "FOLDER", default: "robustness-set", help: "Where to write the PNGs."),
        CommandLineOption("seed", valueName: "N", default: "17", help: "The set's seed."),
        CommandLineOption("per-digit", valueName: "N", default: "100", help: "Drawings of each digit."),
    ]

    public static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let perDigit: Int = try arguments.required("per-digit")
        guard perDigit > 0 else { throw UsageError("'--per-digit' must be positive") }
        let set = RobustnessSet(seed: try arguments.required("seed"), drawingsPerDigit: perDigit)
        let folder = URL(fileURLWithPath: arguments.string("output")!, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, drawing) in set.drawings.enumerated() {
            let name = "\(drawing.label)-\(drawing.styleName)-" + String(format: "%04d", index) + ".png"
            try AtomicFileWriter.write(try PNGEncoder.encode(drawing.image), to: folder.appendingPathComponent(name))
        }
        print("Wrote \(set.drawings.count) drawings to \(folder.relativePath)")
        return 0
    }
}

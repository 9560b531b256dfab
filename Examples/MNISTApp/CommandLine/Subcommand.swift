/// One subcommand of `MNISTExample`: its name, options and what it does.
protocol Subcommand: Sendable {
    /// The word that selects it (`train`).
    static var name: String { get }
    /// One line for the overview.
    static var summary: String { get }
    /// The arguments after the options, for the usage line (`IMAGE…`), or "".
    static var positionalUsage: String { get }
    /// The options it accepts, besides `--help`.
    static var options: [CommandLineOption] { get }
    /// Runs with parsed arguments and returns the exit status.
    static func run(_ arguments: ParsedArguments) throws -> Int32
}

extension Subcommand {
    static var positionalUsage: String { "" }

    /// The text `--help` prints.
    public static var help: String {
        var lines = ["Usage: MNISTExample \(name) [options]\(positionalUsage.isEmpty ? "" : " " + positionalUsage)",
                     "", summary, "", "Options:"]
        let rendered = options.map { option in
            ("--\(option.name)" + (option.valueName.map { " \($0)" } ?? ""),
             option.help + (option.defaultValue.map { " (default: \($0))" } ?? ""))
        } + [("--help", "Show this help.")]
        let width = rendered.map(\.0.count).max() ?? 0
        lines += rendered.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
        return lines.joined(separator: "\n")
    }
}

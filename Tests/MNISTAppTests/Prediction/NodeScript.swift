import Foundation
import Testing
@testable import MNISTApp

/// Runs one of the page's parity scripts under Node on a folder of fixtures and
/// reads the figures of its last line (`name value name value …`).
enum NodeScript {
    /// `$NODE`, or `node` on the `PATH`; `nil` when there is none, and the parity tests are skipped.
    static let node: URL? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["NODE"]].compactMap { $0 }
            + (environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":").map { "\($0)/node" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }()

    /// What a script printed, its exit status and the figures of its last line.
    struct Result {
        var status: Int32
        var output: String
        var figures: [String: Double]
    }

    /// Writes fixtures with `prepare` into a fresh temporary folder, runs `script` on
    /// it and on the page's folder, and removes the folder.
    static func run(_ script: URL, prepare: (URL) throws -> Void) throws -> Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(script.deletingPathExtension().lastPathComponent)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try prepare(folder)

        let process = Process()
        process.executableURL = node
        process.arguments = [script.path, folder.path, WebApp.bundledPages.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let fields = text.split(separator: "\n").last?.split(separator: " ").map(String.init) ?? []
        var figures: [String: Double] = [:]
        for index in stride(from: 0, to: fields.count - 1, by: 2) { figures[fields[index]] = Double(fields[index + 1]) }
        return Result(status: process.terminationStatus, output: text, figures: figures)
    }
}

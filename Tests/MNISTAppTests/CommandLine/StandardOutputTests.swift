import Foundation
import Testing

/// The `MNISTExample` executable, with its standard output on a pipe as in
/// `MNISTExample > log` or `| tee`: every line must arrive as it is printed.
@Suite struct StandardOutputTests {
    /// `MNISTExample`, built by `swift test` beside the test bundle.
    static let executable = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("MNISTExample")

    @Test func aLinePrintedWhileServingReachesThePipeAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "no \(Self.executable.path)")

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0", "--model", folder.appendingPathComponent("none.safetensors").path,
                             "--output", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // The server runs until it is stopped; its first line must come while it runs.
        let line = Self.firstLine(from: output.fileHandleForReading, within: .seconds(60))
        #expect(process.isRunning)
        #expect(line?.hasPrefix("Serving http://127.0.0.1:") == true, "read \(line ?? "nothing") from the pipe")
    }

    /// The first line readable from `handle`, or `nil` when none has arrived within `limit`.
    static func firstLine(from handle: FileHandle, within limit: Duration) -> String? {
        let deadline = ContinuousClock.now + limit
        var bytes: [UInt8] = []
        var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while !bytes.contains(UInt8(ascii: "\n")) && ContinuousClock.now < deadline {
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(handle.fileDescriptor, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk.prefix(count)
        }
        return bytes.firstIndex(of: UInt8(ascii: "\n")).map { String(decoding: bytes[..<$0], as: UTF8.self) }
    }
}

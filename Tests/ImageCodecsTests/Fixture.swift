import Foundation

/// The files in `Tests/ImageCodecsTests/Fixtures`, written by `Fixtures/make_fixtures.py`
/// with encoders independent of ours (Python's zlib and gzip, hand-assembled PNGs).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(path)))
    }

    /// The whitespace-separated fields of each line of a manifest, comments skipped.
    static func manifest(_ path: String) -> [[String]] {
        let text = (try? String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)) ?? ""
        return text.split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ").map(String.init) }
    }

    /// What a compressed fixture decompresses to, according to `compression-manifest.txt`.
    struct Expectation: CustomStringConvertible, Sendable {
        var path: String
        var byteCount: Int
        var crc32: UInt32
        var description: String { path }
    }

    static func compressed(under folder: String) -> [Expectation] {
        manifest("compression-manifest.txt")
            .filter { $0[0].hasPrefix(folder + "/") }
            .map { Expectation(path: $0[0], byteCount: Int($0[1])!, crc32: UInt32($0[2], radix: 16)!) }
    }
}

import Foundation
import Testing

/// Reads the guides (`Documentation/*.md`) and `README.md` and finds their marked blocks:
///
///     <!-- sample: NAME -->   the next code block is sample NAME, kept in a `…Samples.swift` test file
///     <!-- output: NAME -->   the next code block is what sample NAME prints
///     <!-- source: PATH -->   the next code block is quoted from PATH (relative to the package)
///
/// Shared by the documentation tests of both test targets.
public enum GuideText {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DocumentationTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A code block announced by a marker comment.
    public struct MarkedBlock: CustomStringConvertible {
        public var kind: String
        public var name: String
        public var file: String
        /// The block's first line, counted from 1.
        public var line: Int
        public var lines: [String]
        public var description: String { "\(kind) '\(name)' (\(file):\(line))" }
    }

    /// `Documentation/*.md` and `README.md`, relative to the package root.
    public static var markdownFiles: [String] {
        let guides = (try? FileManager.default.contentsOfDirectory(
            atPath: packageRoot.appendingPathComponent("Documentation").path)) ?? []
        return ["README.md"] + guides.filter { $0.hasSuffix(".md") }.sorted().map { "Documentation/" + $0 }
    }

    public static func text(of relativePath: String) -> String {
        (try? String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)) ?? ""
    }

    /// Every code block preceded by `<!-- KIND: NAME -->` in the Markdown files.
    public static func markedBlocks(kind: String) -> [MarkedBlock] {
        markdownFiles.flatMap { file -> [MarkedBlock] in
            let lines = text(of: file).components(separatedBy: "\n")
            var blocks: [MarkedBlock] = []
            var index = 0
            while index < lines.count {
                let line = lines[index].trimmingCharacters(in: .whitespaces)
                index += 1
                let prefix = "<!-- \(kind): "
                guard line.hasPrefix(prefix), line.hasSuffix(" -->") else { continue }
                let name = String(line.dropFirst(prefix.count).dropLast(4)).trimmingCharacters(in: .whitespaces)
                guard index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") else {
                    blocks.append(MarkedBlock(kind: kind, name: name, file: file, line: index, lines: []))
                    continue
                }
                let fence = lines[index].prefix { $0 == " " }
                let start = index + 1
                var end = start
                while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
                let body = lines[start..<min(end, lines.count)].map { String($0.dropFirst(min(fence.count, $0.prefix { $0 == " " }.count))) }
                blocks.append(MarkedBlock(kind: kind, name: name, file: file, line: start + 1, lines: body))
                index = end + 1
            }
            return blocks
        }
    }

    /// `lines` without trailing spaces, their common leading spaces, and blank lines at either end.
    public static func dedented(_ lines: [String]) -> [String] {
        var lines = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { String($0.dropFirst(indent)) }
    }

    /// Checks what sample `name` printed against its `<!-- output: name -->` block: the same
    /// text, with each number equal to within a relative 1e-3 (kernels on other instruction
    /// sets may round the last digits differently).
    ///
    /// - Parameter isOptional: Pass for README samples whose markers may not be there yet.
    public static func expectOutput(_ printed: [String], of name: String, isOptional: Bool = false,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let blocks = markedBlocks(kind: "output").filter { $0.name == name }
        let observed = dedented(printed.flatMap { $0.components(separatedBy: "\n") })
        guard let block = blocks.first else {
            if !isOptional {
                Issue.record("""
                    no '<!-- output: \(name) -->' block in the guides; the sample prints:
                    \(observed.map { "  " + $0 }.joined(separator: "\n"))
                    """, sourceLocation: sourceLocation)
            }
            return
        }
        let documented = dedented(block.lines)
        let matches = documented.count == observed.count && zip(documented, observed).allSatisfy(linesMatch)
        #expect(matches, """
            \(block) differs from what the sample prints:
            documented:
            \(documented.map { "  " + $0 }.joined(separator: "\n"))
            observed:
            \(observed.map { "  " + $0 }.joined(separator: "\n"))
            """, sourceLocation: sourceLocation)
    }

    /// Whether two lines are equal once their numbers are compared with a tolerance.
    public static func linesMatch(_ documented: String, _ observed: String) -> Bool {
        let (documentedText, documentedNumbers) = splitNumbers(documented)
        let (observedText, observedNumbers) = splitNumbers(observed)
        return documentedText == observedText && zip(documentedNumbers, observedNumbers).allSatisfy { a, b in
            a == b || abs(a - b) <= 1e-3 * max(abs(a), abs(b)) + 1e-7
        }
    }

    /// The line with every decimal number replaced by `#`, and the numbers.
    private static func splitNumbers(_ line: String) -> (text: String, numbers: [Double]) {
        let pattern = /-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?/
        var numbers: [Double] = []
        let text = line.replacing(pattern) { match in
            numbers.append(Double(match.output.0) ?? .nan)
            return "#"
        }
        return (text, numbers)
    }
}

import DocumentationTestSupport
import Foundation
import Testing

extension Documentation {
    /// The code in the guides is the code the tests run: each block after
    /// `<!-- sample: NAME -->` in `Documentation/*.md` or `README.md` must equal, line for
    /// line once common indentation is removed, the region between `// sample: NAME` and
    /// `// end sample` of a `Documentation` test file (a Markdown block may open with
    /// `import` lines, which a region inside a test cannot hold). Each block after
    /// `<!-- source: PATH -->` must be a verbatim excerpt of that file.
    @Suite struct SamplesMatchTests {
        /// Samples kept for README.md, whose markers its maintainer adds; until then they are skipped.
        static let readmeSamples: Set<String> = ["first-gradient", "xor"]

        /// The test files that hold samples, relative to the package root.
        static let sampleFiles = ["Tests/NumSightTests/Documentation", "Tests/MNISTAppTests/Documentation"]
            .flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(
                    atPath: GuideText.packageRoot.appendingPathComponent(folder).path)) ?? [])
                    .filter { $0.hasSuffix(".swift") }.sorted().map { folder + "/" + $0 }
            }

        /// Every `// sample: NAME` … `// end sample` region, by name, with where it is.
        static func sampleRegions() -> [(name: String, location: String, lines: [String])] {
            sampleFiles.flatMap { file -> [(String, String, [String])] in
                let lines = GuideText.text(of: file).components(separatedBy: "\n")
                var regions: [(String, String, [String])] = []
                var open: (name: String, start: Int)?
                for (index, line) in lines.enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("// sample: ") {
                        open = (String(trimmed.dropFirst("// sample: ".count)), index + 1)
                    } else if trimmed == "// end sample", let region = open {
                        regions.append((region.name, "\(file):\(region.start)", Array(lines[region.start..<index])))
                        open = nil
                    }
                }
                return regions
            }
        }

        @Test func everyMarkedSampleIsTheTestedCode() {
            let regions = Self.sampleRegions()
            let regionsByName = Dictionary(grouping: regions, by: \.name)
            for (name, found) in regionsByName where found.count > 1 {
                Issue.record("sample '\(name)' is defined \(found.count) times: \(found.map(\.location))")
            }
            let blocks = GuideText.markedBlocks(kind: "sample")
            for block in blocks {
                guard let region = regionsByName[block.name]?.first else {
                    Issue.record("\(block) has no '// sample: \(block.name)' region in \(Self.sampleFiles)")
                    continue
                }
                let documented = Self.withoutLeadingImports(GuideText.dedented(block.lines))
                let tested = GuideText.dedented(region.lines)
                #expect(documented == tested, """
                    \(block) differs from \(region.location) (- guide, + test):
                    \(Self.lineDiff(documented, tested))
                    """)
            }
            let documentedNames = Set(blocks.map(\.name))
            for region in regions where !documentedNames.contains(region.name) && !Self.readmeSamples.contains(region.name) {
                Issue.record("sample '\(region.name)' (\(region.location)) appears in no guide")
            }
            #expect(blocks.count >= 20, "only \(blocks.count) marked samples found")
        }

        @Test func everyQuotedExcerptIsInItsSourceFile() {
            for block in GuideText.markedBlocks(kind: "source") {
                let source = GuideText.text(of: block.name).components(separatedBy: "\n")
                let excerpt = GuideText.dedented(block.lines)
                #expect(!source.isEmpty && !excerpt.isEmpty && Self.contains(source, excerpt),
                        "\(block) is not an excerpt of \(block.name) (it changed?):\n\(excerpt.joined(separator: "\n"))")
            }
        }

        @Test func everySwiftBlockOfTheGuidesIsTestedOrQuoted() {
            for file in GuideText.markdownFiles where file.hasPrefix("Documentation/") {
                let lines = GuideText.text(of: file).components(separatedBy: "\n")
                for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == "```swift" {
                    let marker = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
                    #expect(marker.hasPrefix("<!-- sample: ") || marker.hasPrefix("<!-- source: "),
                            "\(file):\(index + 1): a Swift block with neither a sample nor a source marker")
                }
            }
        }

        /// `lines` without the `import` lines (and blank lines) a Markdown sample may open with.
        static func withoutLeadingImports(_ lines: [String]) -> [String] {
            Array(lines.drop { $0.hasPrefix("import ") || $0.isEmpty })
        }

        /// Whether `excerpt` appears as consecutive lines of `source`, all indented alike.
        static func contains(_ source: [String], _ excerpt: [String]) -> Bool {
            guard excerpt.count <= source.count else { return false }
            return (0...(source.count - excerpt.count)).contains { start in
                let first = source[start]
                guard first.hasSuffix(excerpt[0]) else { return false }
                let indent = String(first.dropLast(excerpt[0].count))
                guard indent.allSatisfy({ $0 == " " }) else { return false }
                return excerpt.indices.allSatisfy { offset in
                    let line = source[start + offset]
                    return excerpt[offset].isEmpty ? line.trimmingCharacters(in: .whitespaces).isEmpty
                                                    : line == indent + excerpt[offset]
                }
            }
        }

        /// A line diff (longest common subsequence): `-` only in `old`, `+` only in `new`.
        static func lineDiff(_ old: [String], _ new: [String]) -> String {
            var common = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
            for i in stride(from: old.count - 1, through: 0, by: -1) {
                for j in stride(from: new.count - 1, through: 0, by: -1) {
                    common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            var output: [String] = []
            while i < old.count || j < new.count {
                if i < old.count, j < new.count, old[i] == new[j] {
                    output.append("  " + old[i]); i += 1; j += 1
                } else if j < new.count, i == old.count || common[i][j + 1] >= common[i + 1][j] {
                    output.append("+ " + new[j]); j += 1
                } else {
                    output.append("- " + old[i]); i += 1
                }
            }
            return output.joined(separator: "\n")
        }
    }
}

import Foundation

/// A file path with placeholders filled in per epoch, as in Keras' `ModelCheckpoint`:
/// `{epoch}`, or a metric name, optionally with a printf-style format after a colon
/// (`{epoch:03d}`, `{val_accuracy:.4f}`).
///
/// ```swift
/// let template = try CheckpointPathTemplate("mnist-{epoch:02d}-{val_accuracy:.4f}.safetensors")
/// template.path(epoch: 7, metrics: ["val_accuracy": 0.99123])   // "mnist-07-0.9912.safetensors"
/// ```
public struct CheckpointPathTemplate: Sendable {
    private enum Part: Sendable {
        case text(String)
        case placeholder(name: String, format: String?)
    }

    public let template: String
    private let parts: [Part]

    /// - Throws: ``TrainingError/invalidPathTemplate(_:reason:)`` for an unclosed brace or a
    ///   format other than `[0][width][.precision]` followed by `d`, `f`, `e` or `g`.
    public init(_ template: String) throws {
        self.template = template
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            parts.append(.text(String(rest[..<open])))
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw TrainingError.invalidPathTemplate(template, reason: "unclosed '{'")
            }
            let field = rest[rest.index(after: open)..<close].split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = field.first, !name.isEmpty else {
                throw TrainingError.invalidPathTemplate(template, reason: "empty placeholder")
            }
            let format = field.count > 1 ? field[1] : nil
            if let format, !Self.isSupported(format) {
                throw TrainingError.invalidPathTemplate(template, reason: "unsupported format '\(format)'")
            }
            parts.append(.placeholder(name: name, format: format))
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.text(String(rest)))
        self.parts = parts
    }

    /// The metric names the template reads (`epoch` excluded).
    public var metricNames: [String] {
        parts.compactMap {
            if case let .placeholder(name, _) = $0, name != "epoch" { name } else { nil }
        }
    }

    /// The path for `epoch` with `metrics`; a metric that is missing reads `nan`.
    public func path(epoch: Int, metrics: [String: Double]) -> String {
        parts.map { part in
            switch part {
            case let .text(text):
                return text
            case let .placeholder(name, format):
                let value = name == "epoch" ? Double(epoch) : metrics[name] ?? .nan
                guard let format else { return name == "epoch" ? String(epoch) : String(value) }
                return format.hasSuffix("d")
                    ? String(format: "%" + format.dropLast() + "ld", Int(value))
                    : String(format: "%" + format, value)
            }
        }.joined()
    }

    /// Whether `format` is `[0][width][.precision]` and one of `d`, `f`, `e`, `g`.
    private static func isSupported(_ format: String) -> Bool {
        guard let type = format.last, "dfeg".contains(type) else { return false }
        let numbers = format.dropLast().split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count <= 2, numbers.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return false }
        return numbers.count == 1 || (type != "d" && !numbers[1].isEmpty)
    }
}

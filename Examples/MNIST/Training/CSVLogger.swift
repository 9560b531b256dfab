import Foundation
import NumSight

/// Writes one row per epoch, `epoch` then the metrics in alphabetical order, to a
/// CSV file, as Keras' `CSVLogger` does.
///
/// - ``WriteMode/rewrite``: the whole file is rewritten atomically after each epoch,
///   so it is always complete and readable.
/// - ``WriteMode/append``: rows are appended to the existing file (for resumed runs);
///   the header is written only when the file is new or empty.
///
/// ```swift
/// let log = CSVLogger(url: URL(fileURLWithPath: "training.csv"))
/// // epoch,accuracy,learning_rate,loss,val_accuracy,val_loss
/// // 1,0.9312,0.001,0.2216,0.9805,0.0641
/// ```
public final class CSVLogger: TrainingCallback {
    /// How rows reach the file.
    public enum WriteMode: Sendable {
        case rewrite, append
    }

    public let url: URL
    public let mode: WriteMode
    private var columns: [String]?
    private var lines: [String] = []

    public init(url: URL, mode: WriteMode = .rewrite) {
        self.url = url
        self.mode = mode
    }

    public func trainingWillBegin(_ trainer: Trainer) {
        columns = nil
        lines = []
    }

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) throws {
        var newLines: [String] = []
        if columns == nil {
            let columns = metrics.keys.sorted()
            self.columns = columns
            if mode == .rewrite || fileIsEmpty { newLines.append((["epoch"] + columns).joined(separator: ",")) }
        }
        let values = columns!.map { metrics[$0].map { String($0) } ?? "" }
        newLines.append(([String(epoch)] + values).joined(separator: ","))
        switch mode {
        case .rewrite:
            lines += newLines
            try AtomicFileWriter.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: url)
        case .append:
            try append(newLines.joined(separator: "\n") + "\n")
        }
    }

    private var fileIsEmpty: Bool {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0) == 0
    }

    private func append(_ text: String) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)  // FileHandle reports failures
        }
        let file = try FileHandle(forWritingTo: url)
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data(text.utf8))
    }
}

import Foundation

/// Shows training progress. On a terminal, one line redrawn in place (`\r`) at most
/// ten times a second:
///
///     Epoch 3/15 [==========>.........] 223/422 ETA 0:05 loss 0.0612 accuracy 0.9812 4092 images/s
///
/// ended by the epoch's summary; otherwise (a pipe, a log file) only the summary,
/// one plain line per epoch:
///
///     Epoch 3/15 422 batches 13.2 s 4092 images/s loss 0.0612 accuracy 0.9812 val_loss 0.0311 val_accuracy 0.9912 learning_rate 0.001
public final class ProgressReporter: TrainingCallback {
    /// How progress is shown.
    public enum Style: Sendable {
        /// A progress bar redrawn in place, then the epoch's summary.
        case progressBar
        /// One line per epoch.
        case lines

        /// `progressBar` when standard output is a terminal, `lines` otherwise.
        public static var automatic: Style { isatty(STDOUT_FILENO) != 0 ? .progressBar : .lines }
    }

    public let style: Style
    private let write: (String) -> Void
    private var epochStart = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private static let barWidth = 20

    /// - Parameter write: Where text goes; standard output by default.
    public init(style: Style = .automatic, write: @escaping (String) -> Void = ProgressReporter.writeToStandardOutput) {
        self.style = style
        self.write = write
    }

    public func epochWillBegin(_ epoch: Int, trainer: Trainer) {
        epochStart = .now
        lastDraw = epochStart
    }

    public func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) {
        guard style == .progressBar else { return }
        let now = ContinuousClock.now
        guard batch == trainer.batchCount || now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let elapsed = seconds(since: epochStart, until: now)
        let filled = Self.barWidth * batch / max(trainer.batchCount, 1)
        let bar = String(repeating: "=", count: filled) + (filled < Self.barWidth ? ">" : "")
            + String(repeating: ".", count: max(Self.barWidth - filled - 1, 0))
        let remaining = elapsed / Double(batch) * Double(trainer.batchCount - batch)
        let speed = Double(trainer.examplesSeenInEpoch) / max(elapsed, 1e-9)
        write("\r\(epochLabel(trainer)) [\(bar)] \(batch)/\(trainer.batchCount) ETA \(Self.minutesAndSeconds(remaining)) "
              + "\(Self.formatted(metrics)) \(Int(speed)) images/s\u{1B}[K")
    }

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
        let elapsed = seconds(since: epochStart, until: .now)
        let speed = Double(trainer.examplesPerEpoch) / max(elapsed, 1e-9)
        let summary = "\(epochLabel(trainer)) \(trainer.batchCount) batches \(String(format: "%.1f", elapsed)) s "
            + "\(Int(speed)) images/s \(Self.formatted(metrics))"
        write(style == .progressBar ? "\r\(summary)\u{1B}[K\n" : summary + "\n")
    }

    public func trainingDidEnd(_ trainer: Trainer) {
        if let reason = trainer.stopReason { write((style == .progressBar ? "\n" : "") + "Stopped: \(reason)\n") }
    }

    /// Writes `text` to standard output at once, without waiting for a newline.
    public static func writeToStandardOutput(_ text: String) {
        // Through `print`, so that it stays in order with everything else printed;
        // flushed at once, since a progress bar has no newline.
        print(text, terminator: "")
        fflush(nil)
    }

    private func epochLabel(_ trainer: Trainer) -> String { "Epoch \(trainer.epoch)/\(trainer.epochCount)" }

    private func seconds(since start: ContinuousClock.Instant, until end: ContinuousClock.Instant) -> Double {
        let duration = end - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// `name value` pairs: the metrics of ``MetricName`` in their usual order, then any others.
    static func formatted(_ metrics: [String: Double]) -> String {
        let known = [MetricName.loss, MetricName.accuracy, MetricName.validationLoss, MetricName.validationAccuracy,
                     MetricName.learningRate]
        let names = known.filter { metrics[$0] != nil } + metrics.keys.filter { !known.contains($0) }.sorted()
        return names.map { name in
            let value = metrics[name]!
            return name == MetricName.learningRate ? "\(name) \(value)" : "\(name) \(String(format: "%.4f", value))"
        }.joined(separator: " ")
    }

    static func minutesAndSeconds(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }
}

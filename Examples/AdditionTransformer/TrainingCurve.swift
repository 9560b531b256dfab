import Foundation
import Plotting

/// The training loss and exact match, averaged over each interval of steps, and the
/// held-out exact match at its end: written as CSV and as a training-history PNG.
struct TrainingCurve {
    private(set) var rows: [(step: Int, loss: Double, trainingMatch: Double, heldOutMatch: Double)] = []
    private var losses: [Double] = [], matches: [Double] = []

    /// Adds one step's loss and exact match on its training batch.
    mutating func record(loss: Double, exactMatch: Double) {
        losses.append(loss)
        matches.append(exactMatch)
    }

    /// Closes the interval ending at `step`, with the held-out exact match measured there.
    mutating func closeInterval(at step: Int, heldOutMatch: Double) {
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(values.count, 1)) }
        rows.append((step, mean(losses), mean(matches), heldOutMatch))
        (losses, matches) = ([], [])
    }

    /// `step,loss,training_exact_match,held_out_exact_match` rows, and the picture beside them
    /// (one "epoch" of the picture is one interval); both written atomically.
    func write(csv: URL, png: URL) throws {
        let lines = rows.map { "\($0.step),\($0.loss),\($0.trainingMatch),\($0.heldOutMatch)" }
        try (["step,loss,training_exact_match,held_out_exact_match"] + lines).joined(separator: "\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        try TrainingHistoryPlot(loss: rows.map(\.loss), accuracy: rows.map(\.trainingMatch),
                                validationAccuracy: rows.map(\.heldOutMatch)).writePNG(to: png)
    }
}

import Foundation
import NumSight

/// How a classifier does on a labelled set: accuracy, loss, per-class accuracy,
/// the confusion matrix and the examples it gets wrong.
public struct ModelEvaluation: Sendable {
    /// `confusion[true][predicted]`: how many examples of each true class got each prediction.
    public let confusion: [[Int]]
    /// The mean softmax cross-entropy.
    public let loss: Double
    /// The indices of misclassified examples, with their predictions.
    public let mistakes: [(index: Int, predicted: Int)]

    /// An evaluation from its counts, for sets that are not `MNISTDataset`s.
    public init(confusion: [[Int]], loss: Double, mistakes: [(index: Int, predicted: Int)]) {
        self.confusion = confusion
        self.loss = loss
        self.mistakes = mistakes
    }

    /// Classifies every example of `dataset` with `model` (inference mode, no gradients).
    public init<Model: Layer>(model: Model, dataset: MNISTDataset, batchSize: Int = 500) where Model.Scalar == Float {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: MNISTDataset.classCount),
                                count: MNISTDataset.classCount)
        var lossSum = 0.0
        var mistakes: [(Int, Int)] = []
        var start = 0
        for batch in BatchLoader.evaluating(dataset, batchSize: batchSize).batches(forEpoch: 0) {
            let logits = withoutGradients { model(batch.images) }
            lossSum += Double(softmaxCrossEntropy(logits: logits, labels: batch.labels).scalar) * Double(batch.count)
            let predictions = logits.argmax(alongAxis: -1).scalars.map { Int($0) }
            for (offset, (label, predicted)) in zip(batch.labels, predictions).enumerated() {
                confusion[label][predicted] += 1
                if label != predicted { mistakes.append((start + offset, predicted)) }
            }
            start += batch.count
        }
        self.confusion = confusion
        self.loss = lossSum / Double(Swift.max(dataset.count, 1))
        self.mistakes = mistakes
    }

    /// The fraction classified correctly.
    public var accuracy: Double {
        let total = confusion.joined().reduce(0, +)
        return total == 0 ? 0 : Double((0..<confusion.count).map { confusion[$0][$0] }.reduce(0, +)) / Double(total)
    }

    /// Per true class, the fraction classified correctly.
    public var classAccuracies: [Double] {
        confusion.enumerated().map { label, row in
            let total = row.reduce(0, +)
            return total == 0 ? 0 : Double(row[label]) / Double(total)
        }
    }

    /// A text table of the confusion matrix and per-class accuracy.
    public var report: String {
        let header = "true\\pred" + (0..<confusion.count).map { String(repeating: " ", count: 6 - "\($0)".count) + "\($0)" }
            .joined() + "   accuracy"
        let rows = confusion.enumerated().map { label, row in
            "        \(label)" + row.map { String(repeating: " ", count: Swift.max(0, 6 - "\($0)".count)) + "\($0)" }.joined()
                + "   " + String(format: "%.2f %%", 100 * classAccuracies[label])
        }
        return ([header] + rows).joined(separator: "\n")
    }
}

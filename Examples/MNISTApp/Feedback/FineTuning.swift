import Foundation
import MNIST
import NumSight

/// Fine-tunes a trained model on the corrections users sent, mixed with MNIST so that it
/// learns them without forgetting the rest: each batch holds `feedbackFraction` feedback
/// digits (recurring, freshly augmented each time) and MNIST training digits for the
/// remainder; an epoch visits MNIST once. Adam at a low, constant learning rate.
///
/// Accuracy is measured before and after on the MNIST test set and on the feedback
/// digits (which fine-tuning trains on: the second figure shows whether they were
/// learnt, the first what it cost).
///
/// ```swift
/// let report = try FineTuning(epochs: 2).run(model, feedback: contents.dataset, training: training, test: test)
/// print(report)   // MNIST test 99.41 % → 99.38 %, feedback (40) 35.00 % → 95.00 %
/// ```
struct FineTuning: Sendable {
    /// Passes over the MNIST training set.
    public var epochs: Int
    /// Examples per update, MNIST and feedback together.
    public var batchSize: Int
    /// Adam's learning rate, constant: a tenth of training's.
    var learningRate: Double
    /// The share of each batch drawn from the feedback digits.
    var feedbackFraction: Double
    /// How to distort every digit (feedback ones too), or `nil` for none.
    var augmentation: AugmentationSettings?
    /// Seeds the order and the augmentation.
    public var seed: UInt64

    public init(epochs: Int = 2, batchSize: Int = 128, learningRate: Double = 1e-4, feedbackFraction: Double = 0.25,
                augmentation: AugmentationSettings? = .default, seed: UInt64 = 42) {
        precondition(epochs > 0 && batchSize >= 2 && learningRate > 0, "FineTuning: epochs, batch size and rate must be positive")
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.feedbackFraction = feedbackFraction
        self.augmentation = augmentation
        self.seed = seed
    }

    /// Measures `model`, fine-tunes it in place on `feedback` mixed into `training`, and
    /// measures it again; `callbacks` watch the training (a ``ProgressReporter``, say).
    public func run<Model: Layer>(_ model: Model, feedback: MNISTDataset, training: MNISTDataset, test: MNISTDataset,
                                  threadCount: Int? = nil, callbacks: [any TrainingCallback] = []) throws -> Report
    where Model.Scalar == Float {
        precondition(feedback.count > 0, "FineTuning: no feedback digits to learn")
        let before = Report.Accuracies(model: model, test: test, feedback: feedback)
        let loader = BatchLoader(mixing: feedback, into: training, fraction: feedbackFraction, batchSize: batchSize,
                                 augmentation: augmentation, seed: seed)
        let trainer = Trainer(model: model, optimizer: Adam<Float>(learningRate: learningRate, epsilon: 1e-7),
                              architectureName: SeedCNN.architectureName, threadCount: threadCount,
                              callbacks: [TerminateOnNaN()] + callbacks)
        try trainer.fit(loader, epochs: epochs)
        if let reason = trainer.stopReason { throw FineTuningError.stopped(reason: reason) }
        let after = Report.Accuracies(model: model, test: test, feedback: feedback)
        return Report(before: before, after: after, testCount: test.count, feedbackCount: feedback.count)
    }

    /// Accuracies before and after fine-tuning.
    struct Report: Sendable, Equatable, CustomStringConvertible {
        /// Accuracy on the MNIST test set and on the feedback digits, each in [0, 1].
        struct Accuracies: Sendable, Equatable {
            var test: Double
            var feedback: Double

            public init(test: Double, feedback: Double) {
                self.test = test
                self.feedback = feedback
            }

            init<Model: Layer>(model: Model, test: MNISTDataset, feedback: MNISTDataset) where Model.Scalar == Float {
                self.test = ModelEvaluation(model: model, dataset: test).accuracy
                self.feedback = ModelEvaluation(model: model, dataset: feedback).accuracy
            }
        }

        var before: Accuracies
        var after: Accuracies
        var testCount: Int
        var feedbackCount: Int

        /// A table: one row per set, before and after.
        ///
        ///     Accuracy              before     after
        ///     MNIST test (10000)   99.41 %   99.38 %
        ///     feedback (40)        35.00 %   95.00 %
        public var description: String {
            let rows = [("Accuracy", "before", "after"),
                        ("MNIST test (\(testCount))", Self.percent(before.test), Self.percent(after.test)),
                        ("feedback (\(feedbackCount))", Self.percent(before.feedback), Self.percent(after.feedback))]
            let width = rows.map(\.0.count).max() ?? 0
            return rows.map { name, first, second in
                name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(repeating: " ", count: 10 - first.count) + first
                    + String(repeating: " ", count: 10 - second.count) + second
            }.joined(separator: "\n")
        }

        private static func percent(_ fraction: Double) -> String { String(format: "%.2f %%", 100 * fraction) }
    }
}

/// Why fine-tuning gave up.
enum FineTuningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A callback stopped training (a NaN loss, say); the model is not worth saving.
    case stopped(reason: String)
    /// The feedback store holds no intact sample.
    case noFeedback(folder: String)

    public var description: String {
        switch self {
        case let .stopped(reason): "fine-tuning stopped: \(reason)"
        case let .noFeedback(folder):
            "no feedback digits in \(folder): correct some predictions on the page (POST /feedback) first"
        }
    }
}

import Foundation
import NumSight

/// The training loop: for each epoch and each batch, a forward pass in training
/// mode, softmax cross-entropy, gradients and an optimiser update; then validation
/// in inference mode. Callbacks watch, save, adjust the learning rate and stop.
///
/// Reports per epoch (see ``MetricName``) `loss` and `accuracy` (running means over
/// the epoch's batches), `val_loss` and `val_accuracy` when there is a validation
/// set, and `learning_rate`. The same seed and thread count give bit-identical
/// weights on every run.
///
/// ```swift
/// let (training, validation) = try MNISTDataset(split: .training).splitForValidation()
/// let model = withRandomSeed(42) { SeedCNN.makeModel() }
/// let trainer = Trainer(model: model, optimizer: Adam(), architectureName: SeedCNN.architectureName,
///                       callbacks: [EarlyStopping(patience: 3, restoresBestWeights: true), ProgressReporter()])
/// let history = try trainer.fit(BatchLoader(dataset: training, seed: 42),
///                               validation: .evaluating(validation), epochs: 15)
/// ```
public final class Trainer {
    /// The model being trained; its output is logits `[batch, classes]`.
    public let model: any Layer<Float>
    /// The optimiser; callbacks may change its learning rate between epochs.
    public let optimizer: any Optimizer<Float>
    /// Called in order at each step of training.
    public var callbacks: [any TrainingCallback]
    /// Stored in checkpoint metadata (`architecture`).
    public let architectureName: String
    /// The number of threads the kernels use, or `nil` to leave the current setting.
    public let threadCount: Int?

    /// The epoch being trained, from 1.
    public private(set) var epoch = 0
    /// The last epoch of the current ``fit(_:validation:epochs:initialEpoch:)``.
    public private(set) var epochCount = 0
    /// The number of batches per epoch.
    public private(set) var batchCount = 0
    /// The number of training examples per epoch.
    public private(set) var examplesPerEpoch = 0
    /// How many examples the current epoch has trained on so far.
    public private(set) var examplesSeenInEpoch = 0
    /// The seed of the training batches (stored in checkpoint metadata).
    public private(set) var seed: UInt64 = 0
    /// Why training stopped early, once a callback has asked it to.
    public private(set) var stopReason: String?

    public init(model: any Layer<Float>, optimizer: any Optimizer<Float>, architectureName: String = "",
                threadCount: Int? = nil, callbacks: [any TrainingCallback] = []) {
        precondition(threadCount.map { $0 > 0 } ?? true, "Trainer: thread count must be positive")
        self.model = model
        self.optimizer = optimizer
        self.architectureName = architectureName
        self.threadCount = threadCount
        self.callbacks = callbacks
    }

    /// Asks training to stop after the current batch (or epoch, at its end).
    public func requestStop(reason: String) {
        if stopReason == nil { stopReason = reason }
    }

    /// Trains epochs `initialEpoch + 1 ... epochs` and returns their metrics.
    ///
    /// - Parameters:
    ///   - initialEpoch: Epochs already done, when resuming (see ``restore(from:)``).
    /// - Throws: ``TrainingError/unknownMetric(_:available:)`` before any epoch when a
    ///   callback reads a metric this run does not report, or a callback's error.
    @discardableResult
    public func fit(_ training: BatchLoader, validation: BatchLoader? = nil, epochs: Int,
                    initialEpoch: Int = 0) throws -> History {
        precondition(initialEpoch >= 0 && epochs > initialEpoch,
                     "fit: epochs \(epochs) must exceed initialEpoch \(initialEpoch)")
        let available = MetricName.reported(withValidation: validation != nil)
        for name in callbacks.flatMap(\.requiredMetrics) where !available.contains(name) {
            throw TrainingError.unknownMetric(name, available: available)
        }
        if let threadCount { KernelConfiguration.threadCount = threadCount }
        let history = History()
        let callbacks: [any TrainingCallback] = [history] + self.callbacks
        (epochCount, batchCount, examplesPerEpoch, seed) = (epochs, training.batchCount, training.examplesPerEpoch,
                                                            training.seed)
        stopReason = nil

        for callback in callbacks { try callback.trainingWillBegin(self) }
        epochLoop: for epoch in (initialEpoch + 1)...epochs {
            self.epoch = epoch
            for callback in callbacks { try callback.epochWillBegin(epoch, trainer: self) }
            var lossSum = 0.0
            var correct = 0
            examplesSeenInEpoch = 0
            for (index, batch) in training.batches(forEpoch: epoch).enumerated() {
                let step = trainingStep(model, on: batch)
                lossSum += step.loss * Double(batch.count)
                correct += step.correct
                examplesSeenInEpoch += batch.count
                let running = [MetricName.loss: lossSum / Double(examplesSeenInEpoch),
                               MetricName.accuracy: Double(correct) / Double(examplesSeenInEpoch)]
                for callback in callbacks { try callback.batchDidEnd(index + 1, metrics: running, trainer: self) }
                if stopReason != nil { break epochLoop }
            }
            var metrics = [MetricName.loss: lossSum / Double(examplesSeenInEpoch),
                           MetricName.accuracy: Double(correct) / Double(examplesSeenInEpoch),
                           MetricName.learningRate: optimizer.currentLearningRate]
            if let validation {
                let result = evaluate(validation)
                metrics[MetricName.validationLoss] = result.loss
                metrics[MetricName.validationAccuracy] = result.accuracy
            }
            for callback in callbacks { try callback.epochDidEnd(epoch, metrics: metrics, trainer: self) }
            if stopReason != nil { break }
        }
        for callback in callbacks { try callback.trainingDidEnd(self) }
        return history
    }

    /// The mean loss and the accuracy of the model on `loader`'s batches, in
    /// inference mode, without gradients.
    public func evaluate(_ loader: BatchLoader) -> (loss: Double, accuracy: Double) {
        var lossSum = 0.0
        var correct = 0
        withoutGradients {
            for batch in loader.batches(forEpoch: 0) {
                let logits = model(batch.images)
                lossSum += Double(softmaxCrossEntropy(logits: logits, labels: batch.labels).scalar) * Double(batch.count)
                correct += Self.correctCount(logits: logits, labels: batch.labels)
            }
        }
        let count = Double(loader.dataset.count)
        return (lossSum / count, Double(correct) / count)
    }

    /// Loads the model's and optimiser's state from a checkpoint written by
    /// ``ModelCheckpoint`` and returns the number of epochs it had completed, to pass
    /// as `initialEpoch`.
    ///
    /// ```swift
    /// let done = try trainer.restore(from: URL(fileURLWithPath: "mnist-7.safetensors"))
    /// try trainer.fit(loader, validation: validation, epochs: 15, initialEpoch: done)
    /// ```
    public func restore(from url: URL) throws -> Int {
        let metadata = try Checkpoint.load(into: model, optimizer: optimizer, from: url)
        guard let epoch = metadata["epoch"].flatMap({ Int($0) }) else { throw TrainingError.missingEpoch(path: url.path) }
        return epoch
    }

    /// One update on `batch`: its loss and how many of its examples were classified correctly.
    private func trainingStep<Model: Layer>(_ model: Model, on batch: Batch) -> (loss: Double, correct: Int)
    where Model.Scalar == Float {
        var logits = Tensor<Float>(0)
        let (loss, gradients) = withTrainingMode {
            valueWithGradients(of: model) { model in
                logits = model(batch.images)
                return softmaxCrossEntropy(logits: logits, labels: batch.labels)
            }
        }
        optimizer.update(model, along: gradients)
        return (Double(loss.scalar), Self.correctCount(logits: logits, labels: batch.labels))
    }

    /// How many rows of `logits` `[batch, classes]` have their largest value at the label.
    static func correctCount(logits: Tensor<Float>, labels: [Int]) -> Int {
        let classes = logits.shape[1]
        var correct = 0
        logits.scalars.withUnsafeBufferPointer { scores in
            for (row, label) in labels.enumerated() {
                let rowScores = scores[(row * classes)..<((row + 1) * classes)]
                if rowScores.indices.max(by: { rowScores[$0] < rowScores[$1] }) == row * classes + label {
                    correct += 1
                }
            }
        }
        return correct
    }
}

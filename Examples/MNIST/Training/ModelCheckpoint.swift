import Foundation
import NumSight

/// Saves the model (and its optimiser, for resuming) after each epoch, or only
/// when the monitored metric improves, as Keras' `ModelCheckpoint` does.
///
/// The path is a ``CheckpointPathTemplate`` (`mnist-{epoch}.safetensors`,
/// `best-{val_accuracy:.4f}.safetensors`). Files are written atomically by
/// ``Checkpoint/save(_:optimizer:to:metadata:)`` with metadata `epoch`, `seed`,
/// `architecture` and every metric of the epoch by name.
///
/// ```swift
/// let checkpoint = try ModelCheckpoint(path: "checkpoints/mnist-best.safetensors",
///                                      monitor: MetricName.validationAccuracy, savesBestOnly: true)
/// ```
public final class ModelCheckpoint: TrainingCallback {
    public let path: CheckpointPathTemplate
    /// The metric watched when ``savesBestOnly``.
    public var monitor: String { metric.name }
    public let savesBestOnly: Bool
    public let savesOptimizer: Bool
    /// The best value of the monitored metric so far.
    public private(set) var best: Double?
    /// The files written, in order.
    public private(set) var savedFiles: [URL] = []

    private let metric: MetricMonitor

    /// - Throws: ``TrainingError/invalidPathTemplate(_:reason:)`` for a malformed path.
    public init(path: String, monitor: String = MetricName.validationLoss, mode: MonitorMode = .automatic,
                savesBestOnly: Bool = false, savesOptimizer: Bool = true) throws {
        self.path = try CheckpointPathTemplate(path)
        metric = MetricMonitor(name: monitor, mode: mode, minDelta: 0)
        self.savesBestOnly = savesBestOnly
        self.savesOptimizer = savesOptimizer
    }

    public var requiredMetrics: [String] { path.metricNames + (savesBestOnly ? [monitor] : []) }

    public func trainingWillBegin(_ trainer: Trainer) {
        best = nil
        savedFiles = []
    }

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) throws {
        if savesBestOnly {
            guard let value = metrics[monitor], metric.isImprovement(value, over: best) else { return }
            best = value
        }
        let url = URL(fileURLWithPath: path.path(epoch: epoch, metrics: metrics))
        var metadata = ["epoch": String(epoch), "seed": String(trainer.seed), "architecture": trainer.architectureName]
        for (name, value) in metrics { metadata[name] = String(value) }
        try save(trainer.model, optimizer: savesOptimizer ? trainer.optimizer : nil, to: url, metadata: metadata)
        savedFiles.append(url)
    }

    /// Opens the model's existential type for ``Checkpoint``.
    private func save<Model: Layer>(_ model: Model, optimizer: (any Optimizer<Float>)?, to url: URL,
                                    metadata: [String: String]) throws where Model.Scalar == Float {
        try Checkpoint.save(model, optimizer: optimizer, to: url, metadata: metadata)
    }
}

/// Multiplies the optimiser's learning rate by `factor` when a metric has not
/// improved by more than `minDelta` for `patience` epochs, as Keras'
/// `ReduceLROnPlateau` does. After a reduction, `cooldown` epochs pass before
/// the count starts again; the rate never goes below `minimumLearningRate`.
///
/// It sets ``Optimizer/learningRate``, which a ``Optimizer/schedule`` overrides.
///
/// ```swift
/// let plateau = ReduceLROnPlateau(monitor: MetricName.validationLoss, factor: 0.5, patience: 2)
/// ```
public final class ReduceLROnPlateau: TrainingCallback {
    /// The metric watched.
    public var monitor: String { metric.name }
    public let factor: Double
    public let patience: Int
    public let cooldown: Int
    public let minimumLearningRate: Double
    /// The best value so far.
    public private(set) var best: Double?

    private let metric: MetricMonitor
    private var epochsWithoutImprovement = 0
    private var cooldownLeft = 0

    public init(monitor: String = MetricName.validationLoss, factor: Double = 0.1, patience: Int = 10,
                mode: MonitorMode = .automatic, minDelta: Double = 1e-4, cooldown: Int = 0,
                minimumLearningRate: Double = 0) {
        precondition(factor > 0 && factor < 1, "ReduceLROnPlateau: factor \(factor) must be in (0, 1)")
        precondition(patience >= 0 && cooldown >= 0, "ReduceLROnPlateau: patience and cooldown must not be negative")
        metric = MetricMonitor(name: monitor, mode: mode, minDelta: minDelta)
        self.factor = factor
        self.patience = patience
        self.cooldown = cooldown
        self.minimumLearningRate = minimumLearningRate
    }

    public var requiredMetrics: [String] { [monitor] }

    public func trainingWillBegin(_ trainer: Trainer) {
        best = nil
        epochsWithoutImprovement = 0
        cooldownLeft = 0
    }

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
        guard let value = metrics[monitor] else { return }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            epochsWithoutImprovement = 0
        }
        if metric.isImprovement(value, over: best) {
            best = value
            epochsWithoutImprovement = 0
        } else if cooldownLeft == 0 {
            epochsWithoutImprovement += 1
            let rate = trainer.optimizer.learningRate
            if epochsWithoutImprovement >= patience && rate > minimumLearningRate {
                trainer.optimizer.learningRate = max(rate * factor, minimumLearningRate)
                cooldownLeft = cooldown
                epochsWithoutImprovement = 0
            }
        }
    }
}

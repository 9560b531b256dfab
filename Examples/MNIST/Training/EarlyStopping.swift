import NumSight

/// Stops training when a metric has not improved for `patience` epochs, as Keras'
/// `EarlyStopping` does.
///
/// Each epoch from `startEpoch` on either improves on the best value by more than
/// `minDelta` (and beats `baseline`, when given), which resets the count, or adds
/// one to it; training stops once the count reaches `patience` (never after the
/// first epoch). With `restoresBestWeights`, the model gets the weights of its best
/// epoch back when training ends, whether or not it stopped early.
///
/// ```swift
/// let stopping = EarlyStopping(monitor: MetricName.validationAccuracy, patience: 3, restoresBestWeights: true)
/// ```
public final class EarlyStopping: TrainingCallback {
    /// The metric watched.
    public var monitor: String { metric.name }
    public let patience: Int
    public let baseline: Double?
    /// The first epoch that counts; earlier ones are a warm-up.
    public let startEpoch: Int
    public let restoresBestWeights: Bool
    /// The best value so far and its epoch.
    public private(set) var best: (value: Double, epoch: Int)?
    /// The epoch after which training was stopped, if it was.
    public private(set) var stoppedEpoch: Int?

    private let metric: MetricMonitor
    private var epochsWithoutImprovement = 0
    private var bestWeights: [String: Tensor<Float>]?

    public init(monitor: String = MetricName.validationLoss, mode: MonitorMode = .automatic, minDelta: Double = 0,
                patience: Int = 0, baseline: Double? = nil, startEpoch: Int = 1, restoresBestWeights: Bool = false) {
        precondition(patience >= 0, "EarlyStopping: patience \(patience) must not be negative")
        metric = MetricMonitor(name: monitor, mode: mode, minDelta: minDelta)
        self.patience = patience
        self.baseline = baseline
        self.startEpoch = startEpoch
        self.restoresBestWeights = restoresBestWeights
    }

    public var requiredMetrics: [String] { [monitor] }

    public func trainingWillBegin(_ trainer: Trainer) {
        best = nil
        stoppedEpoch = nil
        epochsWithoutImprovement = 0
        bestWeights = nil
    }

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
        guard epoch >= startEpoch, let value = metrics[monitor] else { return }
        epochsWithoutImprovement += 1
        if metric.isImprovement(value, over: best?.value) {
            best = (value, epoch)
            if restoresBestWeights { bestWeights = trainer.model.state }
            if baseline == nil || metric.isImprovement(value, over: baseline) {
                epochsWithoutImprovement = 0
                return
            }
        }
        if epochsWithoutImprovement >= patience && epoch > 1 {
            stoppedEpoch = epoch
            trainer.requestStop(reason: "\(monitor) has not improved for \(epochsWithoutImprovement) epochs")
        }
    }

    public func trainingDidEnd(_ trainer: Trainer) throws {
        if let bestWeights { try trainer.model.load(state: bestWeights) }
    }
}

/// Code run at fixed points of ``Trainer/fit(_:validation:epochs:initialEpoch:)``,
/// in the order the callbacks are listed. Every method does nothing by default.
///
/// Epochs and batches are counted from 1. A callback stops training with
/// ``Trainer/requestStop(reason:)``: a request made at a batch ends training after
/// that batch (the unfinished epoch is not reported); one made at an epoch's end
/// ends it after that epoch.
///
/// ```swift
/// final class PrintLoss: TrainingCallback {
///     func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
///         print(epoch, metrics[MetricName.loss]!)
///     }
/// }
/// ```
public protocol TrainingCallback: AnyObject {
    /// The metrics this callback reads; an unknown name is an error before the first epoch.
    var requiredMetrics: [String] { get }
    /// Called once, before the first epoch.
    func trainingWillBegin(_ trainer: Trainer) throws
    /// Called before the first batch of `epoch`.
    func epochWillBegin(_ epoch: Int, trainer: Trainer) throws
    /// Called after each update, with the epoch's running `loss` and `accuracy`.
    func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) throws
    /// Called after `epoch` has been trained and validated, with its ``MetricName`` metrics.
    func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) throws
    /// Called once, after the last epoch or a stop request.
    func trainingDidEnd(_ trainer: Trainer) throws
}

extension TrainingCallback {
    public var requiredMetrics: [String] { [] }
    public func trainingWillBegin(_ trainer: Trainer) throws {}
    public func epochWillBegin(_ epoch: Int, trainer: Trainer) throws {}
    public func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) throws {}
    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) throws {}
    public func trainingDidEnd(_ trainer: Trainer) throws {}
}

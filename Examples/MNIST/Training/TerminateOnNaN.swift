/// Stops training at the first batch whose running loss is NaN or infinite, as
/// Keras' `TerminateOnNaN` does; the unfinished epoch is not reported.
public final class TerminateOnNaN: TrainingCallback {
    /// The epoch and batch at which training was stopped, if it was.
    public private(set) var stoppedAt: (epoch: Int, batch: Int)?

    public init() {}

    public func trainingWillBegin(_ trainer: Trainer) { stoppedAt = nil }

    public func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) {
        guard let loss = metrics[MetricName.loss], !loss.isFinite else { return }
        stoppedAt = (trainer.epoch, batch)
        trainer.requestStop(reason: "the loss is \(loss) at batch \(batch) of epoch \(trainer.epoch)")
    }
}

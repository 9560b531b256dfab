/// The metrics of every epoch, as Keras' `History`; returned by
/// ``Trainer/fit(_:validation:epochs:initialEpoch:)``.
///
/// ```swift
/// let history = try trainer.fit(loader, validation: validation, epochs: 3)
/// history.epochs                  // [1, 2, 3]
/// history.metrics["val_loss"]     // [0.061, 0.042, 0.037]
/// ```
public final class History: TrainingCallback {
    /// The epochs reported, in order.
    public private(set) var epochs: [Int] = []
    /// Each metric's values, one per epoch in ``epochs``.
    public private(set) var metrics: [String: [Double]] = [:]

    public init() {}

    public func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
        epochs.append(epoch)
        for (name, value) in metrics { self.metrics[name, default: []].append(value) }
    }
}

/// Whether a larger or a smaller value of a monitored metric is better.
public enum MonitorMode: Sendable {
    /// Smaller is better (losses).
    case minimum
    /// Larger is better (accuracies).
    case maximum
    /// `maximum` when the name contains `acc`, `minimum` otherwise, as in Keras.
    case automatic
}

/// A metric watched for improvement by ``EarlyStopping``, ``ModelCheckpoint`` and
/// ``ReduceLROnPlateau``.
struct MetricMonitor {
    let name: String
    /// The resolved mode: never `automatic`.
    let mode: MonitorMode
    let minDelta: Double

    init(name: String, mode: MonitorMode, minDelta: Double) {
        precondition(minDelta >= 0, "minDelta \(minDelta) must not be negative")
        self.name = name
        self.mode = mode != .automatic ? mode : name.contains("acc") ? .maximum : .minimum
        self.minDelta = minDelta
    }

    /// Whether `value` beats `reference` by more than `minDelta` (always, when there is
    /// no reference yet; never, when `value` is NaN).
    func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        guard let reference else { return !value.isNaN }
        return mode == .minimum ? value + minDelta < reference : value - minDelta > reference
    }
}

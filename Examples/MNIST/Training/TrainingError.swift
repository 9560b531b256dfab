/// Why training could not start or resume.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A callback reads a metric the trainer does not report (checked before the first epoch).
    case unknownMetric(String, available: [String])
    /// A checkpoint path template has an unclosed brace or an unsupported format.
    case invalidPathTemplate(String, reason: String)
    /// A checkpoint to resume from has no `epoch` in its metadata.
    case missingEpoch(path: String)

    public var description: String {
        switch self {
        case let .unknownMetric(name, available):
            "unknown metric '\(name)'; the trainer reports \(available.joined(separator: ", "))"
        case let .invalidPathTemplate(template, reason): "checkpoint path '\(template)': \(reason)"
        case let .missingEpoch(path): "checkpoint \(path) has no epoch in its metadata"
        }
    }
}

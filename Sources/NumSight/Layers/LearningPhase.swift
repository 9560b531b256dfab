/// Whether layers run in training mode (dropout active, batch normalisation with
/// batch statistics) or inference mode (the default). The mode reaches every
/// nested layer, on the current thread or task.
public enum LearningPhase {
    @TaskLocal static var current = false

    /// Whether layers run in training mode now.
    public static var isTraining: Bool { current }
}

/// Runs `body` with layers in training mode.
///
/// ```swift
/// let loss = withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels) }
/// ```
public func withTrainingMode<Result>(_ body: () throws -> Result) rethrows -> Result {
    try LearningPhase.$current.withValue(true, operation: body)
}

/// Runs `body` with layers in inference mode, even inside ``withTrainingMode(_:)``.
public func withInferenceMode<Result>(_ body: () throws -> Result) rethrows -> Result {
    try LearningPhase.$current.withValue(false, operation: body)
}

extension Layer {
    /// Whether this layer runs in training mode now: inside ``withTrainingMode(_:)``,
    /// unless the layer has parameters and all of them are frozen
    /// (``Layer/setTrainable(_:)``). A frozen ``BatchNorm`` thus normalises with, and
    /// keeps, its running statistics, as Keras does for a frozen layer.
    public var isTraining: Bool {
        guard LearningPhase.isTraining else { return false }
        let parameters = namedParameters
        return parameters.isEmpty || parameters.contains { $0.parameter.isTrainable }
    }
}

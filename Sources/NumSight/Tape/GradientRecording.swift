/// Whether operations are being recorded on the current thread or task.
public enum GradientRecording {
    @TaskLocal static var isEnabled = true
    /// When set, recorded backward passes note here the operations whose pullbacks
    /// are not differentiable (see ``PullbackAudit``).
    @TaskLocal static var audit: PullbackAudit?

    /// Whether operations run now are recorded for differentiation.
    public static var isActive: Bool { isEnabled }
}

/// The operations found, during recorded backward passes, to return a gradient
/// that records nothing although the gradient they were given does: a pullback
/// computed on raw scalars, which passes a first-order check but silently breaks
/// second derivatives. ``GradientChecker`` sets one up; a pass seeds itself with a
/// recording gradient then, so that every pullback receives one.
final class PullbackAudit: @unchecked Sendable {
    // Unchecked: one checker call creates, fills (from the passes it runs) and reads it.
    private(set) var operations: [String] = []

    func record(_ operation: String) {
        if !operations.contains(operation) { operations.append(operation) }
    }
}

/// Runs `body` without recording anything: for inference and for updates that
/// must not be differentiated. Costs nothing beyond the forward computation.
///
/// ```swift
/// let prediction = withoutGradients { model(images) }
/// ```
public func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientRecording.$isEnabled.withValue(false, operation: body)
}

/// Runs `body` recording operations, even inside ``withoutGradients(_:)``.
func withGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientRecording.$isEnabled.withValue(true, operation: body)
}

extension Tensor {
    /// Returns `value` as the result of a user-defined operation on `inputs`,
    /// recording `pullback` so that gradients flow back through it.
    ///
    /// The pullback maps the gradient of the output to one gradient per input (in
    /// order, each of that input's shape, or `nil` for none). Write it with tensor
    /// operations so that the operation can be differentiated twice.
    ///
    /// ```swift
    /// func cube(_ x: Tensor<Double>) -> Tensor<Double> {
    ///     Tensor.recordingOperation(named: "cube", value: withoutGradients { x * x * x },
    ///                               inputs: [x]) { gradient in [3 * x * x * gradient] }
    /// }
    /// ```
    @_specialize(where Scalar == Float)
    public static func recordingOperation(
        named name: String, value: Tensor, inputs: [Tensor],
        pullback: @escaping (_ gradient: Tensor) -> [Tensor?]
    ) -> Tensor {
        record(name, shape: value.shape, scalars: value.scalars, inputs: inputs, savesOutput: false) { gradient, _ in
            pullback(gradient)
        }
    }

    /// Records a built-in operation whose pullback needs only the output's gradient.
    static func recording(
        _ operation: Operation, shape: [Int], scalars: [Scalar], inputs: [Tensor],
        pullback: @escaping (_ gradient: Tensor) -> [Tensor?]
    ) -> Tensor {
        record(operation.rawValue, shape: shape, scalars: scalars, inputs: inputs, savesOutput: false) { gradient, _ in
            pullback(gradient)
        }
    }

    /// Records a built-in operation whose pullback also reads its output (`exp`,
    /// `sigmoid`, …). The output passed back is linked to the graph, so the pullback
    /// stays differentiable.
    static func recording(
        _ operation: Operation, shape: [Int], scalars: [Scalar], inputs: [Tensor],
        pullbackUsingOutput pullback: @escaping (_ gradient: Tensor, _ output: Tensor) -> [Tensor?]
    ) -> Tensor {
        record(operation.rawValue, shape: shape, scalars: scalars, inputs: inputs, savesOutput: true) { gradient, output in
            pullback(gradient, output!)
        }
    }

    /// The one place where a result joins the graph.
    private static func record(
        _ name: String, shape: [Int], scalars: [Scalar], inputs: [Tensor], savesOutput: Bool,
        pullback: @escaping (Tensor, Tensor?) -> [Tensor?]
    ) -> Tensor {
        guard GradientRecording.isEnabled, inputs.contains(where: { $0.node != nil }) else {
            return Tensor(shape: shape, scalars: scalars, node: nil)
        }
        let node = GradientNode(
            operation: name, shape: shape, inputs: inputs.map { $0.node },
            savedOutput: savesOutput ? scalars : nil, pullback: pullback)
        return Tensor(shape: shape, scalars: scalars, node: node)
    }
}

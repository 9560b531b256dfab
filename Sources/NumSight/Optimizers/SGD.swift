/// Stochastic gradient descent, with optional momentum, Nesterov momentum and
/// weight decay (an L2 penalty added to the gradient, as in PyTorch).
///
///     g ← g + weightDecay · p
///     v ← momentum · v − learningRate · g
///     p ← p + v                                  (classical)
///     p ← p + momentum · v − learningRate · g    (Nesterov)
///
/// Keras' form of momentum (Sutskever et al., 2013, "On the importance of
/// initialization and momentum in deep learning").
public final class SGD<Scalar: TensorScalar>: Optimizer<Scalar> {
    /// The decay of the velocity; 0 gives plain gradient descent.
    public let momentum: Scalar
    /// Whether to use Nesterov momentum (looking ahead along the velocity).
    public let isNesterov: Bool
    /// The L2 penalty added to the gradient: g ← g + weightDecay · p.
    public let weightDecay: Scalar

    /// Creates a stochastic gradient descent optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The step size (Keras: 0.01).
    ///   - momentum: The decay of the velocity; 0 for plain gradient descent.
    ///   - isNesterov: Whether to use Nesterov momentum.
    ///   - weightDecay: The L2 penalty added to the gradient.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///
    /// ```swift
    /// let optimizer = SGD<Float>(learningRate: 0.1, momentum: 0.9)
    /// ```
    public init(learningRate: Double = 0.01, momentum: Scalar = 0, isNesterov: Bool = false, weightDecay: Scalar = 0,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil) {
        self.momentum = momentum
        self.isNesterov = isNesterov
        self.weightDecay = weightDecay
        super.init(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping)
    }

    /// One SGD step, as in the formulas of ``SGD``; with momentum, the state holds `velocity`.
    @_specialize(where Scalar == Float)
    public override func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                                learningRate: Scalar) {
        var velocity = state["velocity"] ?? [Scalar](repeating: 0, count: parameter.count)
        for i in parameter.indices {
            let g = gradient[i] + weightDecay * parameter[i]
            if momentum == 0 {
                parameter[i] -= learningRate * g
                continue
            }
            velocity[i] = momentum * velocity[i] - learningRate * g
            parameter[i] += isNesterov ? momentum * velocity[i] - learningRate * g : velocity[i]
        }
        if momentum != 0 { state["velocity"] = velocity }
    }
}

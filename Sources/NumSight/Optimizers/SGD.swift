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
public final class SGD<Scalar: TensorScalar>: Optimizer {
    /// The velocity v; empty without momentum.
    public struct State: OptimizerState {
        /// v, one element per parameter element.
        public var velocity: [Scalar]

        /// `velocity` when there is momentum.
        public var vectors: [(name: String, keyPath: WritableKeyPath<State, [Scalar]>)] {
            velocity.isEmpty ? [] : [("velocity", \.velocity)]
        }
    }

    /// The decay of the velocity; 0 gives plain gradient descent.
    public let momentum: Scalar
    /// Whether to use Nesterov momentum (looking ahead along the velocity).
    public let isNesterov: Bool
    /// The L2 penalty added to the gradient: g ← g + weightDecay · p.
    public let weightDecay: Scalar
    /// The learning rate, schedule, clipping, groups, step and states.
    public var core: OptimizerCore<State>

    /// Creates a stochastic gradient descent optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The step size (Keras: 0.01).
    ///   - momentum: The decay of the velocity; 0 for plain gradient descent.
    ///   - isNesterov: Whether to use Nesterov momentum.
    ///   - weightDecay: The L2 penalty added to the gradient.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///   - parameterGroups: Other settings for the parameters whose names match.
    ///
    /// ```swift
    /// let optimizer = SGD<Float>(learningRate: 0.1, momentum: 0.9)
    /// ```
    public init(learningRate: Double = 0.01, momentum: Scalar = 0, isNesterov: Bool = false, weightDecay: Scalar = 0,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil,
                parameterGroups: [ParameterGroup] = []) {
        self.momentum = momentum
        self.isNesterov = isNesterov
        self.weightDecay = weightDecay
        core = OptimizerCore(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping,
                             parameterGroups: parameterGroups)
    }

    /// A zero velocity with momentum, none without.
    public func makeState(count: Int) -> State {
        State(velocity: momentum == 0 ? [] : [Scalar](repeating: 0, count: count))
    }

    /// One SGD step, as in the formulas of ``SGD``.
    @_specialize(where Scalar == Float)
    public func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
                       step: Int) {
        for i in parameter.indices {
            let g = gradient[i] + weightDecay * parameter[i]
            if momentum == 0 {
                parameter[i] -= learningRate * g
                continue
            }
            state.velocity[i] = momentum * state.velocity[i] - learningRate * g
            parameter[i] += isNesterov ? momentum * state.velocity[i] - learningRate * g : state.velocity[i]
        }
    }
}

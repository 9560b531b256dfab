/// RMSProp, in Keras' form (defaults: learning rate 1e-3, ρ 0.9, ε 1e-7):
///
///     s ← ρ · s + (1 − ρ) · g²
///     v ← momentum · v + learningRate · g / (√s + ε);  p ← p − v
///
/// With momentum 0 this is p ← p − learningRate · g / (√s + ε).
/// Tieleman & Hinton, 2012, Lecture 6.5 of "Neural Networks for Machine Learning".
public final class RMSProp<Scalar: TensorScalar>: Optimizer {
    /// The running mean of squared gradients s and the velocity v.
    public struct State: OptimizerState {
        /// s, one element per parameter element.
        public var meanSquare: [Scalar]
        /// v, one element per parameter element.
        public var velocity: [Scalar]

        /// `meanSquare` and `velocity`.
        public var vectors: [(name: String, keyPath: WritableKeyPath<State, [Scalar]>)] {
            [("meanSquare", \.meanSquare), ("velocity", \.velocity)]
        }
    }

    /// ρ, the decay of the running mean of squared gradients.
    public let rho: Scalar
    /// The decay of the velocity; 0 disables momentum.
    public let momentum: Scalar
    /// ε, added to √s so that the step stays finite.
    public let epsilon: Scalar
    /// The learning rate, schedule, clipping, groups, step and states.
    public var core: OptimizerCore<State>

    /// Creates an RMSProp optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The rate before the per-element scaling.
    ///   - rho: The decay of the running mean of squared gradients.
    ///   - momentum: The decay of the velocity; 0 disables momentum.
    ///   - epsilon: Added to √s.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///   - parameterGroups: Other settings for the parameters whose names match.
    public init(learningRate: Double = 1e-3, rho: Scalar = 0.9, momentum: Scalar = 0, epsilon: Scalar = 1e-7,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil,
                parameterGroups: [ParameterGroup] = []) {
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        core = OptimizerCore(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping,
                             parameterGroups: parameterGroups)
    }

    /// Zero mean square and velocity.
    public func makeState(count: Int) -> State {
        State(meanSquare: [Scalar](repeating: 0, count: count), velocity: [Scalar](repeating: 0, count: count))
    }

    /// One RMSProp step, as in the formulas of ``RMSProp``.
    @_specialize(where Scalar == Float)
    public func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
                       step: Int) {
        for i in parameter.indices {
            state.meanSquare[i] = rho * state.meanSquare[i] + (1 - rho) * gradient[i] * gradient[i]
            state.velocity[i] = momentum * state.velocity[i]
                + learningRate * gradient[i] / (state.meanSquare[i].squareRoot() + epsilon)
            parameter[i] -= state.velocity[i]
        }
    }
}

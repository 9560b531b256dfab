/// Adagrad, in Keras' form (defaults: learning rate 1e-3, initial accumulator 0.1, ε 1e-7):
///
///     a ← a + g²
///     p ← p − learningRate · g / (√a + ε)
///
/// Duchi, Hazan & Singer, 2011, "Adaptive Subgradient Methods for Online Learning
/// and Stochastic Optimization".
public final class Adagrad<Scalar: TensorScalar>: Optimizer {
    /// The accumulated squared gradients a.
    public struct State: OptimizerState {
        /// a, one element per parameter element.
        public var accumulator: [Scalar]

        /// `accumulator`.
        public var vectors: [(name: String, keyPath: WritableKeyPath<State, [Scalar]>)] {
            [("accumulator", \.accumulator)]
        }
    }

    /// The starting value of every accumulator a (Keras: 0.1).
    public let initialAccumulator: Scalar
    /// ε, added to √a so that the step stays finite.
    public let epsilon: Scalar
    /// The learning rate, schedule, clipping, groups, step and states.
    public var core: OptimizerCore<State>

    /// Creates an Adagrad optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The rate before the per-element scaling.
    ///   - initialAccumulator: The starting value of every accumulator.
    ///   - epsilon: Added to √a.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///   - parameterGroups: Other settings for the parameters whose names match.
    public init(learningRate: Double = 1e-3, initialAccumulator: Scalar = 0.1, epsilon: Scalar = 1e-7,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil,
                parameterGroups: [ParameterGroup] = []) {
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
        core = OptimizerCore(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping,
                             parameterGroups: parameterGroups)
    }

    /// Every accumulator at ``initialAccumulator``.
    public func makeState(count: Int) -> State {
        State(accumulator: [Scalar](repeating: initialAccumulator, count: count))
    }

    /// One Adagrad step: a ← a + g², p ← p − learningRate · g / (√a + ε).
    @_specialize(where Scalar == Float)
    public func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
                       step: Int) {
        for i in parameter.indices {
            state.accumulator[i] += gradient[i] * gradient[i]
            parameter[i] -= learningRate * gradient[i] / (state.accumulator[i].squareRoot() + epsilon)
        }
    }
}

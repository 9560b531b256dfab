/// Adagrad, in Keras' form (defaults: learning rate 1e-3, initial accumulator 0.1, ε 1e-7):
///
///     a ← a + g²
///     p ← p − learningRate · g / (√a + ε)
///
/// Duchi, Hazan & Singer, 2011, "Adaptive Subgradient Methods for Online Learning
/// and Stochastic Optimization".
public final class Adagrad<Scalar: TensorScalar>: Optimizer<Scalar> {
    /// The starting value of every accumulator a (Keras: 0.1).
    public let initialAccumulator: Scalar
    /// ε, added to √a so that the step stays finite.
    public let epsilon: Scalar

    /// Creates an Adagrad optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The rate before the per-element scaling.
    ///   - initialAccumulator: The starting value of every accumulator.
    ///   - epsilon: Added to √a.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    public init(learningRate: Double = 1e-3, initialAccumulator: Scalar = 0.1, epsilon: Scalar = 1e-7,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil) {
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
        super.init(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping)
    }

    /// One Adagrad step: a ← a + g², p ← p − learningRate · g / (√a + ε); the state
    /// holds `accumulator`.
    @_specialize(where Scalar == Float)
    public override func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                                learningRate: Scalar) {
        var accumulator = state["accumulator"] ?? [Scalar](repeating: initialAccumulator, count: parameter.count)
        for i in parameter.indices {
            accumulator[i] += gradient[i] * gradient[i]
            parameter[i] -= learningRate * gradient[i] / (accumulator[i].squareRoot() + epsilon)
        }
        state["accumulator"] = accumulator
    }
}

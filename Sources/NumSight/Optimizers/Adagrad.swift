/// Adagrad, in Keras' form (defaults: learning rate 1e-3, initial accumulator 0.1, ε 1e-7):
///
///     a ← a + g²
///     p ← p − learningRate · g / (√a + ε)
///
/// Duchi, Hazan & Singer, 2011, "Adaptive Subgradient Methods for Online Learning
/// and Stochastic Optimization".
public final class Adagrad<Scalar: TensorScalar>: Optimizer<Scalar> {
    public let initialAccumulator: Scalar
    public let epsilon: Scalar

    public init(learningRate: Double = 1e-3, initialAccumulator: Scalar = 0.1, epsilon: Scalar = 1e-7,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil) {
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
        super.init(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping)
    }

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

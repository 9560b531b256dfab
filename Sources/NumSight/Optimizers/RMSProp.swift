/// RMSProp, in Keras' form (defaults: learning rate 1e-3, ρ 0.9, ε 1e-7):
///
///     s ← ρ · s + (1 − ρ) · g²
///     v ← momentum · v + learningRate · g / (√s + ε);  p ← p − v
///
/// With momentum 0 this is p ← p − learningRate · g / (√s + ε).
/// Tieleman & Hinton, 2012, Lecture 6.5 of "Neural Networks for Machine Learning".
public final class RMSProp<Scalar: TensorScalar>: Optimizer<Scalar> {
    /// ρ, the decay of the running mean of squared gradients.
    public let rho: Scalar
    /// The decay of the velocity; 0 disables momentum.
    public let momentum: Scalar
    /// ε, added to √s so that the step stays finite.
    public let epsilon: Scalar

    /// Creates an RMSProp optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The rate before the per-element scaling.
    ///   - rho: The decay of the running mean of squared gradients.
    ///   - momentum: The decay of the velocity; 0 disables momentum.
    ///   - epsilon: Added to √s.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    public init(learningRate: Double = 1e-3, rho: Scalar = 0.9, momentum: Scalar = 0, epsilon: Scalar = 1e-7,
                schedule: (any LearningRateSchedule)? = nil, gradientClipping: GradientClipping? = nil) {
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        super.init(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping)
    }

    /// One RMSProp step, as in the formulas of ``RMSProp``; the state holds `meanSquare` and `velocity`.
    @_specialize(where Scalar == Float)
    public override func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                                learningRate: Scalar) {
        let zeros = [Scalar](repeating: 0, count: parameter.count)
        var meanSquare = state["meanSquare"] ?? zeros
        var velocity = state["velocity"] ?? zeros
        for i in parameter.indices {
            meanSquare[i] = rho * meanSquare[i] + (1 - rho) * gradient[i] * gradient[i]
            velocity[i] = momentum * velocity[i] + learningRate * gradient[i] / (meanSquare[i].squareRoot() + epsilon)
            parameter[i] -= velocity[i]
        }
        state["meanSquare"] = meanSquare
        state["velocity"] = velocity
    }
}

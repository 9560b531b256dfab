/// Adam, in Keras' form, with the AMSGrad variant on request:
///
///     m ← β₁ · m + (1 − β₁) · g
///     v ← β₂ · v + (1 − β₂) · g²
///     v̂ ← max(v̂, v)                     (AMSGrad only; then v̂ replaces v below)
///     α ← learningRate · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
///     p ← p − α · m / (√v + ε)
///
/// Defaults as in Keras: learning rate 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7.
/// Kingma & Ba, 2015, "Adam: A Method for Stochastic Optimization"; Reddi et al.,
/// 2018, "On the Convergence of Adam and Beyond".
public class Adam<Scalar: TensorScalar>: Optimizer<Scalar> {
    /// β₁, the decay of the first moment (mean of gradients).
    public let beta1: Scalar
    /// β₂, the decay of the second moment (mean of squared gradients).
    public let beta2: Scalar
    /// ε, added to √v so that the step stays finite.
    public let epsilon: Scalar
    /// Whether to divide by the largest second moment so far (AMSGrad).
    public let usesAMSGrad: Bool

    /// Creates an Adam optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The step size α before bias correction.
    ///   - beta1: The decay of the first moment.
    ///   - beta2: The decay of the second moment.
    ///   - epsilon: Added to √v.
    ///   - usesAMSGrad: Whether to use the AMSGrad variant.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///
    /// ```swift
    /// let optimizer = Adam<Float>(learningRate: 1e-3)
    /// optimizer.update(model, along: gradients)
    /// ```
    public init(learningRate: Double = 1e-3, beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-7,
                usesAMSGrad: Bool = false, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.usesAMSGrad = usesAMSGrad
        super.init(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping)
    }

    /// One Adam step, as in the formulas of ``Adam``; the state holds `firstMoment`,
    /// `secondMoment` and, for AMSGrad, `maximumSecondMoment`.
    @_specialize(where Scalar == Float)
    public override func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                                learningRate: Scalar) {
        let count = parameter.count
        let zeros = { [Scalar](repeating: 0, count: count) }
        // Taken out of the state, the moments are uniquely referenced and change in place.
        var m = state.removeValue(forKey: "firstMoment") ?? zeros()
        var v = state.removeValue(forKey: "secondMoment") ?? zeros()
        var vMax = usesAMSGrad ? state.removeValue(forKey: "maximumSecondMoment") ?? zeros() : []
        let t = Scalar(step)
        let alpha = learningRate * (1 - Scalar.pow(beta2, t)).squareRoot() / (1 - Scalar.pow(beta1, t))
        if !usesAMSGrad, OptimizerKernels.adam(&parameter, gradient: gradient, firstMoment: &m, secondMoment: &v,
                                               beta1: beta1, beta2: beta2, epsilon: epsilon, stepSize: alpha) {
            state["firstMoment"] = m
            state["secondMoment"] = v
            return
        }
        for i in parameter.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            var denominator = v[i]
            if usesAMSGrad {
                vMax[i] = Swift.max(vMax[i], v[i])
                denominator = vMax[i]
            }
            parameter[i] -= alpha * m[i] / (denominator.squareRoot() + epsilon)
        }
        state["firstMoment"] = m
        state["secondMoment"] = v
        if usesAMSGrad { state["maximumSecondMoment"] = vMax }
    }
}

/// Adam with decoupled weight decay: before each Adam step,
/// p ← p − learningRate · weightDecay · p. Keras' default weight decay is 0.004.
/// Loshchilov & Hutter, 2019, "Decoupled Weight Decay Regularization".
public final class AdamW<Scalar: TensorScalar>: Adam<Scalar> {
    /// The decoupled decay: each step first scales p by 1 − learningRate · weightDecay.
    public let weightDecay: Scalar

    /// Creates an AdamW optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The step size α before bias correction, also scaling the decay.
    ///   - weightDecay: The decoupled weight decay (Keras: 0.004).
    ///   - beta1: The decay of the first moment.
    ///   - beta2: The decay of the second moment.
    ///   - epsilon: Added to √v.
    ///   - usesAMSGrad: Whether to use the AMSGrad variant.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    public init(learningRate: Double = 1e-3, weightDecay: Scalar = 0.004, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
                epsilon: Scalar = 1e-7, usesAMSGrad: Bool = false, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil) {
        self.weightDecay = weightDecay
        super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, usesAMSGrad: usesAMSGrad,
                   schedule: schedule, gradientClipping: gradientClipping)
    }

    /// p ← p − learningRate · weightDecay · p, then one Adam step.
    @_specialize(where Scalar == Float)
    public override func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                                learningRate: Scalar) {
        for i in parameter.indices { parameter[i] -= learningRate * weightDecay * parameter[i] }
        super.update(&parameter, gradient: gradient, state: &state, learningRate: learningRate)
    }
}

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
public class Adam<Scalar: TensorScalar>: Optimizer {
    /// The moments m and v, and for AMSGrad the largest v so far.
    public struct State: OptimizerState {
        /// m, one element per parameter element.
        public var firstMoment: [Scalar]
        /// v, one element per parameter element.
        public var secondMoment: [Scalar]
        /// v̂, one element per parameter element with AMSGrad, empty otherwise.
        public var maximumSecondMoment: [Scalar]

        /// `firstMoment`, `secondMoment` and, with AMSGrad, `maximumSecondMoment`.
        public var vectors: [(name: String, keyPath: WritableKeyPath<State, [Scalar]>)] {
            [("firstMoment", \.firstMoment), ("secondMoment", \.secondMoment)]
                + (maximumSecondMoment.isEmpty ? [] : [("maximumSecondMoment", \.maximumSecondMoment)])
        }
    }

    /// β₁, the decay of the first moment (mean of gradients).
    public let beta1: Scalar
    /// β₂, the decay of the second moment (mean of squared gradients).
    public let beta2: Scalar
    /// ε, added to √v so that the step stays finite.
    public let epsilon: Scalar
    /// Whether to divide by the largest second moment so far (AMSGrad).
    public let usesAMSGrad: Bool
    /// The learning rate, schedule, clipping, weight decay, groups, step and states.
    public var core: OptimizerCore<State>

    /// Creates an Adam optimiser.
    ///
    /// - Parameters:
    ///   - learningRate: The step size α before bias correction.
    ///   - beta1: The decay of the first moment.
    ///   - beta2: The decay of the second moment.
    ///   - epsilon: Added to √v.
    ///   - usesAMSGrad: Whether to use the AMSGrad variant.
    ///   - weightDecay: Decoupled weight decay (see ``AdamW``); 0 for plain Adam.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    ///   - parameterGroups: Other settings for the parameters whose names match.
    ///
    /// ```swift
    /// let optimizer = Adam<Float>(learningRate: 1e-3)
    /// optimizer.update(model, along: gradients)
    /// ```
    public init(learningRate: Double = 1e-3, beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-7,
                usesAMSGrad: Bool = false, weightDecay: Double = 0, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil, parameterGroups: [ParameterGroup] = []) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.usesAMSGrad = usesAMSGrad
        core = OptimizerCore(learningRate: learningRate, schedule: schedule, gradientClipping: gradientClipping,
                             weightDecay: weightDecay, parameterGroups: parameterGroups)
    }

    /// Zero moments.
    public func makeState(count: Int) -> State {
        let zeros = [Scalar](repeating: 0, count: count)
        return State(firstMoment: zeros, secondMoment: zeros, maximumSecondMoment: usesAMSGrad ? zeros : [])
    }

    /// One Adam step, as in the formulas of ``Adam``.
    @_specialize(where Scalar == Float)
    public func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
                       step: Int) {
        let t = Scalar(step)
        let alpha = learningRate * (1 - Scalar.pow(beta2, t)).squareRoot() / (1 - Scalar.pow(beta1, t))
        if !usesAMSGrad, OptimizerKernels.adam(&parameter, gradient: gradient, firstMoment: &state.firstMoment,
                                               secondMoment: &state.secondMoment, beta1: beta1, beta2: beta2,
                                               epsilon: epsilon, stepSize: alpha) {
            return
        }
        for i in parameter.indices {
            state.firstMoment[i] = beta1 * state.firstMoment[i] + (1 - beta1) * gradient[i]
            state.secondMoment[i] = beta2 * state.secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i]
            var denominator = state.secondMoment[i]
            if usesAMSGrad {
                state.maximumSecondMoment[i] = Swift.max(state.maximumSecondMoment[i], state.secondMoment[i])
                denominator = state.maximumSecondMoment[i]
            }
            parameter[i] -= alpha * state.firstMoment[i] / (denominator.squareRoot() + epsilon)
        }
    }
}

/// Adam with decoupled weight decay: before each Adam step,
/// p ← p − learningRate · weightDecay · p. Keras' default weight decay is 0.004.
/// Loshchilov & Hutter, 2019, "Decoupled Weight Decay Regularization".
public final class AdamW<Scalar: TensorScalar>: Adam<Scalar> {
    /// Creates an AdamW optimiser: ``Adam`` whose decoupled weight decay defaults to 0.004.
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
    ///   - parameterGroups: Other settings (a weight decay of 0 for biases, say) for the parameters whose names match.
    public init(learningRate: Double = 1e-3, weightDecay: Double = 0.004, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
                epsilon: Scalar = 1e-7, usesAMSGrad: Bool = false, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil, parameterGroups: [ParameterGroup] = []) {
        super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, usesAMSGrad: usesAMSGrad,
                   weightDecay: weightDecay, schedule: schedule, gradientClipping: gradientClipping,
                   parameterGroups: parameterGroups)
    }
}

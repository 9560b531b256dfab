/// An optimiser: one textbook update of one parameter and its typed state,
/// ``update(_:gradient:state:learningRate:step:)``; everything else (the step
/// counter, the learning rate and its schedule, gradient clipping, decoupled weight
/// decay, parameter groups, matching gradients to parameters, saving and
/// restoring the state) is written once, in ``OptimizerCore`` and the extensions
/// of this protocol, as in mlx-swift's `OptimizerBase<State>`.
///
/// ```swift
/// let optimizer = Adam<Float>(learningRate: 1e-3, gradientClipping: .globalNorm(1))
/// optimizer.update(model, along: gradients)
/// ```
public protocol Optimizer<Scalar>: AnyObject {
    /// The scalar type of the parameters.
    associatedtype Scalar: TensorScalar
    /// What the update rule keeps for one parameter (moments, accumulators).
    associatedtype State: OptimizerState<Scalar>

    /// The settings, the step counter and every parameter's state.
    var core: OptimizerCore<State> { get set }

    /// The state of a parameter of `count` scalars before its first update.
    func makeState(count: Int) -> State

    /// One update of `parameter` (in place) along `gradient`, with this parameter's
    /// `state`; `step` counts updates from 1.
    func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar, step: Int)
}

/// The per-parameter state of an optimiser, as named vectors of the parameter's
/// length; checkpoints save and restore it through ``vectors``.
public protocol OptimizerState<Scalar> {
    /// The scalar type of the vectors.
    associatedtype Scalar: TensorScalar
    /// Each vector the state holds, by name (`firstMoment`), for checkpoints.
    var vectors: [(name: String, keyPath: WritableKeyPath<Self, [Scalar]>)] { get }
}

/// What every optimiser keeps besides its update rule: the learning rate (fixed,
/// changed between steps, or from a schedule), gradient clipping, decoupled weight
/// decay, parameter groups, the number of updates made, and each parameter's state.
public struct OptimizerCore<State: OptimizerState> {
    /// The learning rate used when there is no ``schedule``. Callbacks may change it between steps.
    public var learningRate: Double
    /// When set, gives the learning rate of each step instead of ``learningRate``.
    public var schedule: (any LearningRateSchedule)?
    /// Applied to the gradients before each update (per group, see ``ParameterGroup``).
    public var gradientClipping: GradientClipping?
    /// Decoupled weight decay (Loshchilov & Hutter): before each update,
    /// p ← p − learningRate · weightDecay · p.
    public var weightDecay: Double
    /// Settings for the parameters whose names match; the first matching group wins,
    /// and parameters matching none use the settings above.
    public var parameterGroups: [ParameterGroup]
    /// The number of updates made so far.
    public internal(set) var step = 0
    /// Each parameter's state, by parameter name.
    public internal(set) var states: [String: State] = [:]

    /// Creates the shared settings of an optimiser.
    public init(learningRate: Double, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil, weightDecay: Double = 0,
                parameterGroups: [ParameterGroup] = []) {
        self.learningRate = learningRate
        self.schedule = schedule
        self.gradientClipping = gradientClipping
        self.weightDecay = weightDecay
        self.parameterGroups = parameterGroups
    }
}

/// Other settings for the parameters whose names match a predicate: a factor on
/// the learning rate, a weight decay and a clipping of their own.
///
/// ```swift
/// // No weight decay on biases and normalisation parameters, a slower first layer.
/// let optimizer = AdamW<Float>(learningRate: 1e-3, parameterGroups: [
///     ParameterGroup(matching: { $0.hasSuffix("bias") || $0.contains("norm") }, weightDecay: 0),
///     ParameterGroup(matching: { $0.hasPrefix("conv1.") }, learningRateFactor: 0.1),
/// ])
/// ```
public struct ParameterGroup: Sendable {
    /// Whether a parameter, by dotted name, belongs to the group.
    public var matches: @Sendable (String) -> Bool
    /// The group's learning rate is the optimiser's current rate times this.
    public var learningRateFactor: Double
    /// The group's decoupled weight decay, or `nil` for the optimiser's.
    public var weightDecay: Double?
    /// The group's clipping, applied to its gradients together, or `nil` for the optimiser's.
    public var gradientClipping: GradientClipping?

    /// Creates a group of the parameters whose names satisfy `matches`.
    public init(matching matches: @escaping @Sendable (String) -> Bool, learningRateFactor: Double = 1,
                weightDecay: Double? = nil, gradientClipping: GradientClipping? = nil) {
        self.matches = matches
        self.learningRateFactor = learningRateFactor
        self.weightDecay = weightDecay
        self.gradientClipping = gradientClipping
    }
}

extension Optimizer {
    /// The learning rate used when there is no ``schedule``. Callbacks may change it between steps.
    public var learningRate: Double {
        get { core.learningRate }
        set { core.learningRate = newValue }
    }

    /// When set, gives the learning rate of each step instead of ``learningRate``.
    public var schedule: (any LearningRateSchedule)? {
        get { core.schedule }
        set { core.schedule = newValue }
    }

    /// Applied to the gradients before each update.
    public var gradientClipping: GradientClipping? {
        get { core.gradientClipping }
        set { core.gradientClipping = newValue }
    }

    /// Settings for the parameters whose names match.
    public var parameterGroups: [ParameterGroup] {
        get { core.parameterGroups }
        set { core.parameterGroups = newValue }
    }

    /// The number of updates made so far.
    public var step: Int { core.step }

    /// The learning rate the next update will use.
    public var currentLearningRate: Double {
        core.schedule?.learningRate(atStep: core.step) ?? core.learningRate
    }
}

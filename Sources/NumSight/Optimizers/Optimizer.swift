/// The common machinery of optimisers: the step counter, the learning rate (fixed,
/// changed between steps, or from a schedule), gradient clipping, per-parameter
/// state, and saving and restoring that state. Subclasses implement one textbook
/// update of one parameter in ``update(_:gradient:state:learningRate:)``.
open class Optimizer<Scalar: TensorScalar> {
    /// The learning rate used when there is no ``schedule``. Callbacks may change it between steps.
    public var learningRate: Double
    /// When set, gives the learning rate of each step instead of ``learningRate``.
    public var schedule: (any LearningRateSchedule)?
    /// Applied to the gradients before each update.
    public var gradientClipping: GradientClipping?
    /// The number of updates made so far.
    public private(set) var step = 0
    /// Per parameter name, the named state vectors of the update rule (moments, accumulators).
    private var slots: [String: [String: [Scalar]]] = [:]

    /// Creates an optimiser; subclasses call this from their own initialisers.
    ///
    /// - Parameters:
    ///   - learningRate: The rate used when there is no schedule.
    ///   - schedule: Gives the rate of each step instead of `learningRate`.
    ///   - gradientClipping: Applied to the gradients before each update.
    public init(learningRate: Double, schedule: (any LearningRateSchedule)? = nil,
                gradientClipping: GradientClipping? = nil) {
        self.learningRate = learningRate
        self.schedule = schedule
        self.gradientClipping = gradientClipping
    }

    /// The learning rate the next update will use.
    public var currentLearningRate: Double {
        schedule?.learningRate(atStep: step) ?? learningRate
    }

    /// Updates one parameter's scalars in place. `state` holds this parameter's
    /// named vectors, empty at the first step; `step` has already been counted.
    open func update(_ parameter: inout [Scalar], gradient: [Scalar], state: inout [String: [Scalar]],
                     learningRate: Scalar) {
        fatalError("\(type(of: self)) must override update(_:gradient:state:learningRate:)")
    }

    /// Updates every trainable parameter of `model` with the gradient of the same name
    /// (parameters without a gradient are left alone).
    public func update<Model: Layer>(_ model: Model, along gradients: [String: Tensor<Scalar>])
    where Model.Scalar == Scalar {
        let rate = Scalar(currentLearningRate)
        step += 1
        let parameters = model.namedParameters.filter { $0.parameter.isTrainable && gradients[$0.name] != nil }
        var clipped = parameters.map { gradients[$0.name]!.scalars }
        gradientClipping?.apply(to: &clipped)
        for ((name, parameter), gradient) in zip(parameters, clipped) {
            require(gradient.count == parameter.value.elementCount,
                         "update: gradient of '\(name)' has \(gradient.count) elements, the parameter \(parameter.value.shape)")
            var values = parameter.value.scalars
            update(&values, gradient: gradient, state: &slots[name, default: [:]], learningRate: rate)
            parameter.value = Tensor(values, shape: parameter.value.shape)
        }
    }

    /// Updates every trainable parameter with the gradient that `backward()` left on it.
    public func update<Model: Layer>(_ model: Model) where Model.Scalar == Scalar {
        var gradients: [String: Tensor<Scalar>] = [:]
        for (name, parameter) in model.namedParameters {
            if let gradient = parameter.value.gradient { gradients[name] = gradient }
        }
        update(model, along: gradients)
    }

    /// The optimiser's state as named tensors (`step`, and `<parameter>/<slot>` per
    /// state vector), for checkpoints.
    public var state: [String: Tensor<Scalar>] {
        var result: [String: Tensor<Scalar>] = ["step": Tensor(Scalar(step))]
        for (parameter, vectors) in slots {
            for (slot, values) in vectors { result["\(parameter)/\(slot)"] = Tensor(values) }
        }
        return result
    }

    /// Restores state saved from ``state``.
    @_specialize(where Scalar == Float)
    public func load(state: [String: Tensor<Scalar>]) throws(LayerStateError) {
        guard let savedStep = state["step"] else { throw .missing(name: "step") }
        var restored: [String: [String: [Scalar]]] = [:]
        for (key, tensor) in state where key != "step" {
            guard let separator = key.lastIndex(of: "/") else { throw .unexpected(name: key) }
            restored[String(key[..<separator]), default: [:]][String(key[key.index(after: separator)...])] = tensor.scalars
        }
        step = Int(savedStep.scalars.first ?? 0)
        slots = restored
    }
}

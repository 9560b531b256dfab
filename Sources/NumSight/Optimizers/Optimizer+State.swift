/// Saving and restoring an optimiser's progress, through each state's typed
/// ``OptimizerState/vectors`` both ways.
extension Optimizer {
    /// The optimiser's state as named tensors (`step`, and `<parameter>/<vector>` per
    /// state vector, such as `conv1.weight/firstMoment`), for checkpoints.
    public var state: [String: Tensor<Scalar>] {
        var result: [String: Tensor<Scalar>] = ["step": Tensor(Scalar(core.step))]
        for (parameter, state) in core.states {
            for (name, keyPath) in state.vectors { result["\(parameter)/\(name)"] = Tensor(state[keyPath: keyPath]) }
        }
        return result
    }

    /// Restores state saved from ``state`` for `model`'s parameters.
    ///
    /// - Throws: ``StateMismatch`` listing every name `model` has no trainable
    ///   parameter for, every vector missing or of the wrong length, and every
    ///   non-finite value (a step that is not a whole number ≥ 0 included); the
    ///   optimiser is then left unchanged.
    public func load<Model: Layer>(state: [String: Tensor<Scalar>], for model: Model) throws(StateMismatch)
    where Model.Scalar == Scalar {
        var mismatch = StateMismatch()
        var step = 0
        if let saved = state["step"] {
            let value = saved.elementCount == 1 ? Double(saved.scalars[0]) : .nan
            if value.isFinite, value >= 0, value == value.rounded(), value <= Double(Int32.max) {
                step = Int(value)
            } else {
                mismatch.invalidValues.append("step")
            }
        } else {
            mismatch.missing.append("step")
        }
        var saved: [String: [String: Tensor<Scalar>]] = [:]
        for (key, tensor) in state where key != "step" {
            guard let separator = key.lastIndex(of: "/") else {
                mismatch.unexpected.append(key)
                continue
            }
            saved[String(key[..<separator]), default: [:]][String(key[key.index(after: separator)...])] = tensor
        }
        let counts = Dictionary(
            model.namedParameters.filter(\.parameter.isTrainable).map { ($0.name, $0.parameter.value.elementCount) },
            uniquingKeysWith: { first, _ in first })
        var restored: [String: State] = [:]
        for (parameter, vectors) in saved {
            guard let count = counts[parameter] else {
                mismatch.unexpected += vectors.keys.map { "\(parameter)/\($0)" }
                continue
            }
            var state = makeState(count: count)
            let expected = Set(state.vectors.map(\.name))
            mismatch.unexpected += vectors.keys.filter { !expected.contains($0) }.map { "\(parameter)/\($0)" }
            for (name, keyPath) in state.vectors {
                let key = "\(parameter)/\(name)"
                guard let tensor = vectors[name] else {
                    mismatch.missing.append(key)
                    continue
                }
                guard tensor.shape == [count] else {
                    mismatch.mismatchedShapes.append(.init(name: key, expected: [count], found: tensor.shape))
                    continue
                }
                guard tensor.scalars.allSatisfy(\.isFinite) else {
                    mismatch.invalidValues.append(key)
                    continue
                }
                state[keyPath: keyPath] = tensor.scalars
            }
            restored[parameter] = state
        }
        guard mismatch.isEmpty else { throw mismatch.sorted() }
        core.step = step
        core.states = restored
    }
}

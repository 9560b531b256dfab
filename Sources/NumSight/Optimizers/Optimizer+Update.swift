/// The update plumbing every optimiser shares: gradients matched to parameters by
/// name, clipping and decoupled weight decay per parameter group, then the
/// optimiser's own rule, one parameter and its state at a time.
extension Optimizer {
    /// Updates every trainable parameter of `model` with the gradient of the same name;
    /// parameters without a gradient are left alone.
    ///
    /// `model` may be a sub-layer of the model the gradients were taken for: when no
    /// name matches directly, the gradients under the sub-layer's prefix are used
    /// (`l2.weight` for `l2`'s `weight`). Gradients matching nothing stop the program
    /// with a message rather than silently changing nothing.
    public func update<Model: Layer>(_ model: Model, along gradients: [String: Tensor<Scalar>])
    where Model.Scalar == Scalar {
        let baseRate = currentLearningRate
        let matched = matchedGradients(gradients, to: model)
        core.step += 1
        var groupMembers: [Int?: [Int]] = [:]
        for (index, entry) in matched.enumerated() {
            groupMembers[core.parameterGroups.firstIndex { $0.matches(entry.name) }, default: []].append(index)
        }
        var states = core.states
        core.states = [:]  // leaves `states` the only owner, so the update rules change them in place
        defer { core.states = states }
        for (group, members) in groupMembers {
            let settings = group.map { core.parameterGroups[$0] }
            var clipped = members.map { matched[$0].gradient.scalars }
            (settings?.gradientClipping ?? core.gradientClipping)?.apply(to: &clipped)
            let rate = Scalar(baseRate * (settings?.learningRateFactor ?? 1))
            let decay = Scalar(settings?.weightDecay ?? core.weightDecay)
            for (member, gradient) in zip(members, clipped) {
                let (name, parameter) = (matched[member].name, matched[member].parameter)
                var values = parameter.value.scalars
                parameter.value = Tensor(0)  // leaves `values` the only owner
                if decay != 0 {
                    for index in values.indices { values[index] -= rate * decay * values[index] }
                }
                let count = values.count
                update(&values, gradient: gradient, state: &states[name, default: makeState(count: count)],
                       learningRate: rate, step: core.step)
                parameter.value = Tensor(values, shape: matched[member].shape)
            }
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

    /// The trainable parameters of `model` that have a gradient, with it; by the
    /// parameters' own names or, failing that, under the prefix of a sub-layer.
    private func matchedGradients<Model: Layer>(_ gradients: [String: Tensor<Scalar>], to model: Model)
        -> [(name: String, parameter: Parameter<Scalar>, shape: [Int], gradient: Tensor<Scalar>)]
    where Model.Scalar == Scalar {
        let parameters = model.namedParameters
        let names = Set(parameters.map(\.name))
        var prefix = ""
        if !gradients.isEmpty, !gradients.keys.contains(where: names.contains) {
            // Gradients of an enclosing model: find the one prefix under which every parameter
            // of this one appears with its shape.
            let candidates = Set(gradients.keys.compactMap { key in
                names.first { key.hasSuffix("." + $0) }.map { String(key.dropLast($0.count)) }
            }).filter { candidate in
                parameters.allSatisfy { gradients[candidate + $0.name]?.shape == $0.parameter.value.shape }
            }
            require(candidates.count == 1,
                    candidates.isEmpty
                        ? "update: no gradient matches a parameter of \(type(of: model)); gradients "
                            + "\(gradients.keys.sorted().prefix(8)), parameters \(names.sorted().prefix(8))"
                        : "update: the gradients under \(candidates.sorted()) all fit \(type(of: model)); pass only "
                            + "the gradients of the sub-layer being updated")
            prefix = candidates.first!
        } else {
            let unknown = gradients.keys.filter { !names.contains($0) }.sorted()
            require(unknown.isEmpty,
                    "update: \(type(of: model)) has no parameter named \(unknown.prefix(8)); "
                        + "its parameters are \(names.sorted().prefix(8))")
        }
        return parameters.compactMap { name, parameter in
            guard parameter.isTrainable, let gradient = gradients[prefix + name] else { return nil }
            require(gradient.elementCount == parameter.value.elementCount,
                    "update: gradient of '\(prefix + name)' has shape \(gradient.shape), the parameter \(parameter.value.shape)")
            return (name, parameter, parameter.value.shape, gradient)
        }
    }
}

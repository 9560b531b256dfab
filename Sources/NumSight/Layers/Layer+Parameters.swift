/// Parameter discovery: one walk over stored properties with `Mirror`. A property
/// holding a ``Parameter``, a ``Buffer``, a ``Layer``, or an array or optional of
/// those contributes its name; array elements are named by index. A layer reached
/// twice (shared weights) is listed once, under its first name.
extension Layer {
    /// The trainable and frozen parameters, by dotted property path, in declaration order.
    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        var result: [(String, Parameter<Scalar>)] = []
        walkState { name, item in
            if let parameter = item as? Parameter<Scalar> { result.append((name, parameter)) }
        }
        return result
    }

    /// The buffers (non-learned state), by dotted property path.
    public var namedBuffers: [(name: String, buffer: Buffer<Scalar>)] {
        var result: [(String, Buffer<Scalar>)] = []
        walkState { name, item in
            if let buffer = item as? Buffer<Scalar> { result.append((name, buffer)) }
        }
        return result
    }

    /// Every parameter and buffer value by name: what a checkpoint holds.
    public var state: [String: Tensor<Scalar>] {
        var result: [String: Tensor<Scalar>] = [:]
        walkState { name, item in
            if let parameter = item as? Parameter<Scalar> { result[name] = parameter.value }
            if let buffer = item as? Buffer<Scalar> { result[name] = buffer.value }
        }
        return result
    }

    /// Replaces every parameter and buffer value with the tensor of the same name.
    ///
    /// - Throws: ``LayerStateError`` when a name is missing or unexpected, or a
    ///   shape differs; the layer is then left unchanged.
    public func load(state: [String: Tensor<Scalar>]) throws(LayerStateError) {
        var targets: [(name: String, shape: [Int], assign: (Tensor<Scalar>) -> Void)] = []
        walkState { name, item in
            if let parameter = item as? Parameter<Scalar> {
                targets.append((name, parameter.value.shape, { parameter.value = $0 }))
            }
            if let buffer = item as? Buffer<Scalar> {
                targets.append((name, buffer.value.shape, { buffer.value = $0 }))
            }
        }
        let expected = Set(targets.map(\.name))
        if let missing = targets.first(where: { state[$0.name] == nil }) {
            throw .missing(name: missing.name)
        }
        if let unexpected = state.keys.sorted().first(where: { !expected.contains($0) }) {
            throw .unexpected(name: unexpected)
        }
        for target in targets where state[target.name]!.shape != target.shape {
            throw .shapeMismatch(name: target.name, expected: target.shape, found: state[target.name]!.shape)
        }
        for target in targets { target.assign(state[target.name]!) }
    }

    /// Stops (or resumes) training of every parameter.
    public func setTrainable(_ isTrainable: Bool) {
        for (_, parameter) in namedParameters { parameter.isTrainable = isTrainable }
    }

    /// The number of scalars in trainable parameters.
    public var trainableParameterCount: Int {
        namedParameters.filter(\.parameter.isTrainable).map(\.parameter.value.elementCount).reduce(0, +)
    }

    /// The number of scalars in frozen parameters and buffers.
    public var nonTrainableParameterCount: Int {
        namedParameters.filter { !$0.parameter.isTrainable }.map(\.parameter.value.elementCount).reduce(0, +)
            + namedBuffers.map(\.buffer.value.elementCount).reduce(0, +)
    }

    /// Calls `visit(name, item)` for every parameter and buffer reachable from this layer.
    private func walkState(_ visit: (String, AnyObject) -> Void) {
        var seen: Set<ObjectIdentifier> = []
        func walk(_ value: Any, name: String) {
            if let parameter = value as? Parameter<Scalar> {
                if seen.insert(ObjectIdentifier(parameter)).inserted { visit(name, parameter) }
            } else if let buffer = value as? Buffer<Scalar> {
                if seen.insert(ObjectIdentifier(buffer)).inserted { visit(name, buffer) }
            } else if let layer = value as? any Layer<Scalar> {
                guard seen.insert(ObjectIdentifier(layer)).inserted else { return }
                var mirror: Mirror? = Mirror(reflecting: layer)
                while let current = mirror {
                    for child in current.children {
                        walk(child.value, name: joined(name, child.label ?? ""))
                    }
                    mirror = current.superclassMirror
                }
            } else {
                let mirror = Mirror(reflecting: value)
                switch mirror.displayStyle {
                case .collection?:
                    for (index, element) in mirror.children.enumerated() { walk(element.value, name: joined(name, "\(index)")) }
                case .optional?:
                    if let wrapped = mirror.children.first { walk(wrapped.value, name: name) }
                default:
                    break
                }
            }
        }
        func joined(_ prefix: String, _ label: String) -> String {
            prefix.isEmpty ? label : "\(prefix).\(label)"
        }
        walk(self, name: "")
    }
}

/// Why a layer's state could not be loaded.
public enum LayerStateError: Error, Equatable, CustomStringConvertible {
    /// The layer has a parameter or buffer with this name that the state lacks.
    case missing(name: String)
    /// The state holds a tensor the layer has no parameter or buffer for.
    case unexpected(name: String)
    /// The tensor's shape differs from the layer's.
    case shapeMismatch(name: String, expected: [Int], found: [Int])

    /// A sentence saying which tensor failed to load and why.
    public var description: String {
        switch self {
        case let .missing(name): "no tensor named '\(name)' in the state to load"
        case let .unexpected(name): "the state holds '\(name)', which the layer does not have"
        case let .shapeMismatch(name, expected, found): "'\(name)' has shape \(found), the layer expects \(expected)"
        }
    }
}

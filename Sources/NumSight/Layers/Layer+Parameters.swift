/// Parameter discovery: one walk over stored properties with `Mirror`. A property
/// holding a ``Parameter``, a ``Buffer``, a ``Layer``, or an array, dictionary or
/// optional of those (nested to any depth) contributes its name; array elements
/// are named by index, dictionary values by key. A layer reached twice (shared
/// weights) is listed once, under its first name; a `lazy var` is named by its
/// property. State the walk cannot name (in a tuple, a struct, a plain class or a
/// set, or a `lazy var` not created yet) stops the program with a message naming
/// the property, rather than being silently neither trained nor saved.
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
    /// - Parameters:
    ///   - state: Tensors by name, as ``state`` gives them.
    ///   - acceptingNonFiniteValues: Load tensors holding NaN or infinities
    ///     (refused by default: such weights only ever come from a diverged run).
    /// - Throws: ``StateMismatch`` listing every missing, unexpected and mis-shaped
    ///   name (and non-finite tensor); the layer is then left unchanged.
    public func load(state: [String: Tensor<Scalar>], acceptingNonFiniteValues: Bool = false) throws(StateMismatch) {
        let mismatch = loadMatching(state: state, acceptingNonFiniteValues: acceptingNonFiniteValues, isStrict: true)
        guard mismatch.isEmpty else { throw mismatch }
    }

    /// Loads every tensor whose name and shape match (and whose values are finite,
    /// unless `acceptingNonFiniteValues`), leaves the rest of the layer as it is, and
    /// returns what did not match: for fine-tuning from a model that differs in a few layers.
    @discardableResult
    public func loadMatching(state: [String: Tensor<Scalar>], acceptingNonFiniteValues: Bool = false) -> StateMismatch {
        loadMatching(state: state, acceptingNonFiniteValues: acceptingNonFiniteValues, isStrict: false)
    }

    /// Compares `state` with the layer's and, unless strict loading finds a mismatch,
    /// assigns every tensor that matches.
    private func loadMatching(
        state: [String: Tensor<Scalar>], acceptingNonFiniteValues: Bool, isStrict: Bool
    ) -> StateMismatch {
        var targets: [(name: String, shape: [Int], assign: (Tensor<Scalar>) -> Void)] = []
        walkState { name, item in
            if let parameter = item as? Parameter<Scalar> {
                targets.append((name, parameter.value.shape, { parameter.value = $0 }))
            }
            if let buffer = item as? Buffer<Scalar> {
                targets.append((name, buffer.value.shape, { buffer.value = $0 }))
            }
        }
        var mismatch = StateMismatch()
        let expected = Set(targets.map(\.name))
        mismatch.unexpected = state.keys.filter { !expected.contains($0) }
        var loadable: [(assign: (Tensor<Scalar>) -> Void, tensor: Tensor<Scalar>)] = []
        for target in targets {
            guard let tensor = state[target.name] else {
                mismatch.missing.append(target.name)
                continue
            }
            if tensor.shape != target.shape {
                mismatch.mismatchedShapes.append(.init(name: target.name, expected: target.shape, found: tensor.shape))
            } else if !acceptingNonFiniteValues, !tensor.scalars.allSatisfy(\.isFinite) {
                mismatch.invalidValues.append(target.name)
            } else {
                loadable.append((target.assign, tensor))
            }
        }
        mismatch = mismatch.sorted()
        if !isStrict || mismatch.isEmpty {
            for (assign, tensor) in loadable { assign(tensor) }
        }
        return mismatch
    }

    /// Stops (or resumes) training of every parameter; a frozen layer also runs in
    /// inference mode (see ``Layer/isTraining``), so its running statistics stay put.
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
                        var label = child.label ?? ""
                        if label.hasPrefix(lazyStoragePrefix) {
                            label.removeFirst(lazyStoragePrefix.count)
                            require(!isUncreatedState(child.value),
                                    "parameter discovery: '\(joined(name, label))' of \(type(of: layer)) is a lazy var "
                                        + "not created yet, so it would be neither trained nor saved; declare it with let")
                        }
                        walk(child.value, name: joined(name, label))
                    }
                    mirror = current.superclassMirror
                }
            } else {
                let mirror = Mirror(reflecting: value)
                switch mirror.displayStyle {
                case .collection?:
                    for (index, element) in mirror.children.enumerated() { walk(element.value, name: joined(name, "\(index)")) }
                case .dictionary?:
                    let entries = mirror.children.map { Array(Mirror(reflecting: $0.value).children) }
                    for entry in entries.sorted(by: { "\($0[0].value)" < "\($1[0].value)" }) {
                        walk(entry[1].value, name: joined(name, "\(entry[0].value)"))
                    }
                case .optional?:
                    if let wrapped = mirror.children.first { walk(wrapped.value, name: name) }
                default:
                    require(!holdsState(value),
                            "parameter discovery: '\(name)' (\(type(of: value))) holds layers or parameters inside a "
                                + "\(mirror.displayStyle.map { "\($0)" } ?? "value") that discovery does not enter; "
                                + "make each one a stored property of a Layer, or keep them in an array or dictionary")
                }
            }
        }
        func joined(_ prefix: String, _ label: String) -> String {
            prefix.isEmpty ? label : "\(prefix).\(label)"
        }
        walk(self, name: "")
    }
}

/// The label Swift gives the storage of a `lazy var`, before the property's name.
private let lazyStoragePrefix = "$__lazy_storage_$_"

/// Whether `value` is an empty optional of a layer, parameter or buffer type.
private func isUncreatedState(_ value: Any) -> Bool {
    guard let optional = value as? any OptionalState, optional.isEmpty else { return false }
    let wrapped = type(of: optional).wrappedType
    return wrapped is any Layer.Type || wrapped is Parameter<Float>.Type || wrapped is Parameter<Double>.Type
        || wrapped is Buffer<Float>.Type || wrapped is Buffer<Double>.Type
}

/// An optional seen through `Any`: whether it is empty, and the type it wraps.
private protocol OptionalState {
    var isEmpty: Bool { get }
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalState {
    fileprivate var isEmpty: Bool { self == nil }
    fileprivate static var wrappedType: Any.Type { Wrapped.self }
}

/// Whether `value` holds a parameter, a buffer or a layer anywhere inside it (up
/// to `depth` levels down, so reference cycles end). Tensors and arrays of numbers
/// are not entered, so the check stays cheap.
private func holdsState(_ value: Any, depth: Int = 8) -> Bool {
    if value is any Layer || value is Parameter<Float> || value is Parameter<Double> || value is Buffer<Float>
        || value is Buffer<Double> {
        return true
    }
    let mirror = Mirror(reflecting: value)
    guard depth > 0, !"\(mirror.subjectType)".hasPrefix("Tensor<") else { return false }
    if mirror.displayStyle == .collection || mirror.displayStyle == .set,
       let first = mirror.children.first, first.value is any Numeric {
        return false
    }
    return mirror.children.contains { holdsState($0.value, depth: depth - 1) }
}

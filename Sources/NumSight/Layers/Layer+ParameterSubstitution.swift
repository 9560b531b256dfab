/// Parameters replaced for the duration of a ``Layer/withParameters(_:_:)`` call,
/// by the identity of the ``Parameter`` they stand in for.
enum ParameterSubstitution {
    @TaskLocal static var values: [ObjectIdentifier: any Sendable] = [:]

    /// The tensor standing in for `parameter`, if any.
    static func value<Scalar>(for parameter: Parameter<Scalar>) -> Tensor<Scalar>? {
        guard !values.isEmpty else { return nil }
        return values[ObjectIdentifier(parameter)] as? Tensor<Scalar>
    }
}

extension Layer {
    /// Runs `body` on this layer with some of its parameters replaced by
    /// `parameters` (keyed by the names of ``namedParameters``): a stateless call, as
    /// PyTorch's `functional_call`. The layer itself is left unchanged.
    ///
    /// The replacements are used as they are, gradient graph included, so a
    /// meta-learning step can differentiate through parameters computed by an
    /// inner update:
    ///
    /// ```swift
    /// let adapted = weight - 0.1 * gradient(at: weight) { w in
    ///     model.withParameters(["weight": w]) { meanSquaredError(predictions: $0(x), targets: y) }
    /// }
    /// let outerLoss = model.withParameters(["weight": adapted]) { meanSquaredError(predictions: $0(x2), targets: y2) }
    /// ```
    ///
    /// A name the layer does not have, or a tensor of another shape than the
    /// parameter's, stops with a message naming it.
    public func withParameters<Result>(
        _ parameters: [String: Tensor<Scalar>], _ body: (Self) throws -> Result
    ) rethrows -> Result {
        let byName = Dictionary(namedParameters.map { ($0.name, $0.parameter) }, uniquingKeysWith: { first, _ in first })
        let unknown = parameters.keys.filter { byName[$0] == nil }.sorted()
        require(unknown.isEmpty, "withParameters: \(type(of: self)) has no parameter named \(unknown); "
                + "its parameters are \(byName.keys.sorted())")
        var values = ParameterSubstitution.values
        for (name, replacement) in parameters {
            let parameter = byName[name]!
            require(replacement.shape == parameter.value.shape, "withParameters: '\(name)' has shape "
                    + "\(parameter.value.shape), the replacement \(replacement.shape)")
            values[ObjectIdentifier(parameter)] = replacement
        }
        return try ParameterSubstitution.$values.withValue(values) { try body(self) }
    }
}

/// The value of `body` at `inputs` and its directional derivative along `directions`
/// (forward mode: the Jacobian-vector product J·v), from two reverse passes.
///
/// The vector-Jacobian product u ↦ uᵀJ is linear in u, so differentiating
/// ⟨uᵀJ, v⟩ with respect to u gives J·v: the first pass records uᵀJ for a watched
/// u, the second differentiates it. Costs about three times a gradient.
///
/// - Parameters:
///   - inputs: The point.
///   - directions: One tangent per input, of its shape.
///   - body: Any function of the inputs; its output may have any shape.
/// - Returns: The output, and J·v of the output's shape.
///
/// ```swift
/// let (y, tangent) = valueWithJacobianVectorProduct(at: [x], along: [v]) { tanh($0[0]) }
/// // tangent = (1 − tanh²(x)) · v
/// ```
@_specialize(where Scalar == Float)
public func valueWithJacobianVectorProduct<Scalar>(
    at inputs: [Tensor<Scalar>], along directions: [Tensor<Scalar>], of body: ([Tensor<Scalar>]) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, jacobianVectorProduct: Tensor<Scalar>) {
    require(inputs.count == directions.count && zip(inputs, directions).allSatisfy { $0.shape == $1.shape },
            "valueWithJacobianVectorProduct: directions \(directions.map(\.shape)) should match inputs "
                + "\(inputs.map(\.shape))")
    // As in valueWithGradients(at:of:): recorded inside another differentiation.
    var creatingGraph: Bool? = nil
    if !GradientRecording.isEnabled {
        creatingGraph = false
    } else if (inputs + directions).contains(where: \.requiresGradient) {
        creatingGraph = true
    }
    return withGradients {
        let watched = inputs.map { $0.watched() }
        let value = body(watched)
        guard value.requiresGradient else { return (value, Tensor.zeros(shape: value.shape)) }
        let cotangent = Tensor<Scalar>.zeros(shape: value.shape).requiringGradient()
        let vectorJacobian = gradients(of: value, withRespectTo: watched, seed: cotangent, retainingGraph: true,
                                       creatingGraph: .some(true)).gradients
        let pairing = zip(vectorJacobian, directions).map { ($0 * $1).sum() }.reduce(Tensor(0), +)
        // The watched inputs are targets too, so that only tensors from outside decide the recording.
        let (products, isRecorded) = gradients(
            of: pairing, withRespectTo: [cotangent] + watched, seed: Tensor(1), retainingGraph: false,
            creatingGraph: creatingGraph)
        return (isRecorded ? value : value.detached(), products[0])
    }
}

/// The value of `loss` for `model` and its gradient with respect to each trainable
/// parameter, by parameter name. Parameters' own ``Tensor/gradient`` is untouched.
///
/// Inside another differentiation (when `loss` reads a recording tensor that is
/// not one of the parameters), the gradients are recorded too and can be
/// differentiated again; gradients taken inside `loss`, such as a gradient
/// penalty's `gradient(at: x) { model($0).sum() }`, are recorded as well, so they
/// reach the parameters.
///
/// ```swift
/// let (loss, gradients) = valueWithGradients(of: model) { model in
///     softmaxCrossEntropy(logits: model(images), labels: labels)
/// }
/// optimizer.update(model, along: gradients)
/// ```
public func valueWithGradients<Model: Layer>(
    of model: Model, _ loss: (Model) -> Tensor<Model.Scalar>
) -> (value: Tensor<Model.Scalar>, gradients: [String: Tensor<Model.Scalar>]) {
    let creatingGraph: Bool? = GradientRecording.isEnabled ? nil : false
    let parameters = model.namedParameters.filter(\.parameter.isTrainable)
    let value = withGradients { loss(model) }
    let seed = value.validatedSeed(nil, operation: "valueWithGradients(of:)")
    let (computed, isRecorded) = gradients(
        of: value, withRespectTo: parameters.map(\.parameter.value), seed: seed, retainingGraph: false,
        creatingGraph: creatingGraph)
    let byName = Dictionary(uniqueKeysWithValues: zip(parameters.map(\.name), computed))
    return (isRecorded ? value : value.detached(), byName)
}

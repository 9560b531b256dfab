/// The value of `loss` for `model` and its gradient with respect to each trainable
/// parameter, by parameter name. Parameters' own ``Tensor/gradient`` is untouched.
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
    let parameters = model.namedParameters.filter(\.parameter.isTrainable)
    let value = withGradients { loss(model) }
    let computed = gradients(of: value, withRespectTo: parameters.map(\.parameter.value))
    let byName = Dictionary(uniqueKeysWithValues: zip(parameters.map(\.name), computed))
    return (value.detached(), byName)
}

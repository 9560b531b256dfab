/// The mean of the squared differences between `predictions` and `targets`
/// (their sum, or each of them, with another `reduction`).
@_specialize(where Scalar == Float)
public func meanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>, reduction: Reduction = .mean
) -> Tensor<Scalar> {
    require(predictions.shape == targets.shape,
                 "meanSquaredError: predictions \(predictions.shape) and targets \(targets.shape) should match")
    return reduction.reduce((predictions - targets).squared())
}

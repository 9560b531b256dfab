/// The mean of the squared differences between `predictions` and `targets`.
@_specialize(where Scalar == Float)
public func meanSquaredError<Scalar>(predictions: Tensor<Scalar>, targets: Tensor<Scalar>) -> Tensor<Scalar> {
    require(predictions.shape == targets.shape,
                 "meanSquaredError: predictions \(predictions.shape) and targets \(targets.shape) should match")
    return (predictions - targets).squared().mean()
}

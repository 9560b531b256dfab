/// Zeroes each element with probability `rate` and scales the rest by 1 / (1 − rate),
/// so the expected value is unchanged (inverted dropout). The mask comes from
/// `generator`, so a seed reproduces it.
@_specialize(where Scalar == Float)
public func dropout<Scalar>(
    _ x: Tensor<Scalar>, rate: Double, using generator: inout SeededRandomNumberGenerator
) -> Tensor<Scalar> {
    precondition((0..<1).contains(rate), "dropout: rate \(rate) is outside [0, 1)")
    guard rate > 0 else { return x }
    let keep = Tensor<Scalar>.randomBernoulli(shape: x.shape, probability: 1 - rate, using: &generator)
    return x * (keep / Scalar(1 - rate))
}

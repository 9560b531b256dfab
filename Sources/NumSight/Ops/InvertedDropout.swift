/// Zeroes each element with probability `rate` and scales the rest by 1 / (1 − rate),
/// so the expected value is unchanged (inverted dropout). The mask comes from
/// `generator`, so a seed reproduces it.
@_specialize(where Scalar == Float)
public func dropout<Scalar>(
    _ x: Tensor<Scalar>, rate: Double, using generator: inout SeededRandomNumberGenerator
) -> Tensor<Scalar> {
    precondition((0..<1).contains(rate), "dropout: rate \(rate) is outside [0, 1)")
    guard rate > 0 else { return x }
    // One pass: 1 / (1 − rate) where an element is kept and 0 elsewhere, the numbers a
    // Bernoulli(1 − rate) mask divided by 1 − rate would hold.
    let (probability, keptValue, count) = (1 - rate, 1 / Scalar(1 - rate), x.elementCount)
    let mask = [Scalar](unsafeUninitializedCapacity: count) { mask, initialized in
        for index in 0..<count { mask[index] = generator.nextUnitInterval() < probability ? keptValue : 0 }
        initialized = count
    }
    return x * Tensor(mask, shape: x.shape)
}

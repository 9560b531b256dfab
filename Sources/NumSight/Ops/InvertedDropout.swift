/// Zeroes each element with probability `rate` and scales the rest by 1 / (1 − rate),
/// so the expected value is unchanged (inverted dropout). The mask comes from
/// `generator`, so a seed reproduces it.
@_specialize(where Scalar == Float)
public func dropout<Scalar>(
    _ x: Tensor<Scalar>, rate: Double, using generator: inout SeededRandomNumberGenerator
) -> Tensor<Scalar> {
    require((0..<1).contains(rate), "dropout: rate \(rate) is outside [0, 1)")
    guard rate > 0 else { return x }
    // One pass: 1 / (1 − rate) where an element is kept and 0 elsewhere, the numbers a
    // Bernoulli(1 − rate) mask divided by 1 − rate would hold. Each 64-bit draw decides two
    // elements, one per 32-bit half (a keep probability exact to 2⁻³²).
    let threshold = UInt64(((1 - rate) * 0x1p32).rounded(.down))
    let (keptValue, count) = (1 / Scalar(1 - rate), x.elementCount)
    // 1 when `half` < threshold, else 0, without a branch (the outcome is a coin toss).
    func isKept(_ half: UInt64) -> Scalar { Scalar((half &- threshold) >> 63) }
    var local = generator
    let mask = [Scalar](unsafeUninitializedCapacity: count) { mask, initialized in
        for pair in stride(from: 0, to: count, by: 2) {
            let draw = local.next()
            mask[pair] = keptValue * isKept(draw & 0xFFFF_FFFF)
            if pair + 1 < count { mask[pair + 1] = keptValue * isKept(draw >> 32) }
        }
        initialized = count
    }
    generator = local
    return x * Tensor(mask, shape: x.shape)
}

/// Normalisations that need no batch statistics: over groups of channels, or by
/// the root mean square alone.

/// Group normalisation (Wu & He, 2018): the channels of each example are split into
/// `groupCount` groups, and each group is normalised over its channels and every
/// position, then scaled and shifted per channel. With one group it is layer
/// normalisation over all features; with one channel per group, instance normalisation.
///
/// - Parameters:
///   - x: `[batch, …, channels]` (NHWC images, or `[batch, length, channels]`).
///   - groupCount: Divides `channels`.
///   - scale: `[channels]`, multiplies the normalised values.
///   - offset: `[channels]`, added after the scale.
///   - epsilon: Added to the variance (PyTorch's default 1e-5).
@_specialize(where Scalar == Float)
public func groupNormalized<Scalar>(
    _ x: Tensor<Scalar>, groupCount: Int, scale: Tensor<Scalar>, offset: Tensor<Scalar>, epsilon: Scalar = 1e-5
) -> Tensor<Scalar> {
    let channels = x.shape.last ?? 0
    require(x.rank >= 2 && groupCount > 0 && channels % groupCount == 0,
            "groupNormalized: \(channels) channels of \(x.shape) do not split into \(groupCount) groups")
    require(scale.shape == [channels] && offset.shape == [channels],
            "groupNormalized: scale \(scale.shape) and offset \(offset.shape) should be [\(channels)]")
    let grouped = x.reshaped(to: [x.shape[0], -1, groupCount, channels / groupCount])
    let centred = grouped - grouped.mean(alongAxes: [1, 3], keepingDimensions: true)
    let variance = centred.squared().mean(alongAxes: [1, 3], keepingDimensions: true)
    return (centred * rsqrt(variance + epsilon)).reshaped(to: x.shape) * scale + offset
}

/// Root-mean-square normalisation (Zhang & Sennrich, 2019) over the last axis:
/// x / √(mean(x²) + epsilon) · scale, without centring or offset (LLaMA's norm).
///
/// - Parameters:
///   - x: `[…, features]`.
///   - scale: `[features]`.
///   - epsilon: Added to the mean square (mlx's default 1e-5).
@_specialize(where Scalar == Float)
public func rmsNormalized<Scalar>(_ x: Tensor<Scalar>, scale: Tensor<Scalar>, epsilon: Scalar = 1e-5) -> Tensor<Scalar> {
    require(scale.shape == [x.shape.last ?? 0], "rmsNormalized: scale \(scale.shape) should be [\(x.shape.last ?? 0)]")
    return x * rsqrt(x.squared().mean(alongAxes: [-1], keepingDimensions: true) + epsilon) * scale
}

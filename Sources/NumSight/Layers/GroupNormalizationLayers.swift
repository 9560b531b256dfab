/// Group normalisation over the channels (last axis); see
/// ``groupNormalized(_:groupCount:scale:offset:epsilon:)``. PyTorch's defaults:
/// epsilon 1e-5, scale ones, offset zeros.
public final class GroupNorm<Scalar: TensorScalar>: Layer {
    /// The learned per-channel factor, initially ones.
    public let scale: Parameter<Scalar>
    /// The learned per-channel shift, initially zeros.
    public let offset: Parameter<Scalar>
    /// The number of groups the channels are split into.
    public let groupCount: Int
    /// Added to the variance before the square root.
    public let epsilon: Scalar

    /// Creates the layer for `channelCount` channels in `groupCount` groups.
    public init(groupCount: Int, channelCount: Int, epsilon: Scalar = 1e-5) {
        require(groupCount > 0 && channelCount % groupCount == 0,
                "GroupNorm: \(channelCount) channels do not split into \(groupCount) groups")
        scale = Parameter(.ones(shape: [channelCount]))
        offset = Parameter(.zeros(shape: [channelCount]))
        (self.groupCount, self.epsilon) = (groupCount, epsilon)
    }

    /// Normalises `input` `[batch, …, channelCount]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        groupNormalized(input, groupCount: groupCount, scale: scale.value, offset: offset.value, epsilon: epsilon)
    }
}

/// Root-mean-square normalisation over the last axis; see ``rmsNormalized(_:scale:epsilon:)``.
/// Defaults: epsilon 1e-5 (mlx's), scale ones.
public final class RMSNorm<Scalar: TensorScalar>: Layer {
    /// The learned per-feature factor, initially ones.
    public let scale: Parameter<Scalar>
    /// Added to the mean square before the square root.
    public let epsilon: Scalar

    /// Creates the layer for `featureCount` features.
    public init(featureCount: Int, epsilon: Scalar = 1e-5) {
        scale = Parameter(.ones(shape: [featureCount]))
        self.epsilon = epsilon
    }

    /// Normalises `input` `[…, featureCount]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        rmsNormalized(input, scale: scale.value, epsilon: epsilon)
    }
}

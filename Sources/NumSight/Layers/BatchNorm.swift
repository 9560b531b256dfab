/// Batch normalisation over the last axis (channels); see
/// ``batchNormalized(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``.
///
/// In training mode (``withTrainingMode(_:)``) it normalises with batch statistics
/// and updates the running ones; otherwise it uses the running statistics.
/// Defaults as in Keras: momentum 0.99, epsilon 1e-3, scale ones, offset zeros.
///
/// - Parameters: `scale` and `offset` `[featureCount]`; buffers `runningMean`
///   (zeros) and `runningVariance` (ones).
public final class BatchNorm<Scalar: TensorScalar>: Layer {
    /// The learned per-channel factor γ, `[featureCount]`, initially ones.
    public let scale: Parameter<Scalar>
    /// The learned per-channel shift β, `[featureCount]`, initially zeros.
    public let offset: Parameter<Scalar>
    /// The running mean used in inference, `[featureCount]`, initially zeros.
    public let runningMean: Buffer<Scalar>
    /// The running variance used in inference, `[featureCount]`, initially ones.
    public let runningVariance: Buffer<Scalar>
    /// How much of the running statistics each training step keeps.
    public let momentum: Scalar
    /// Added to the variance before the square root, for stability.
    public let epsilon: Scalar

    /// Creates a batch normalisation layer for `featureCount` channels.
    ///
    /// - Parameters:
    ///   - featureCount: The size of the input's last axis.
    ///   - momentum: `running = momentum · running + (1 − momentum) · batch`.
    ///   - epsilon: Added to the variance before the square root.
    public init(featureCount: Int, momentum: Scalar = 0.99, epsilon: Scalar = 1e-3) {
        scale = Parameter(.ones(shape: [featureCount]))
        offset = Parameter(.zeros(shape: [featureCount]))
        runningMean = Buffer(.zeros(shape: [featureCount]))
        runningVariance = Buffer(.ones(shape: [featureCount]))
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// Normalises `input` (`[…, featureCount]`) with batch statistics in training
    /// mode, updating the running ones, and with the running statistics otherwise.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        batchNormalized(input, scale: scale.value, offset: offset.value, runningMean: &runningMean.value,
                        runningVariance: &runningVariance.value, momentum: momentum, epsilon: epsilon,
                        isTraining: isTraining)
    }
}

/// Layer normalisation over the last axis; see ``layerNormalized(_:scale:offset:epsilon:)``.
/// Keras' defaults: epsilon 1e-3, scale ones, offset zeros.
public final class LayerNorm<Scalar: TensorScalar>: Layer {
    /// The learned per-feature factor γ, `[featureCount]`, initially ones.
    public let scale: Parameter<Scalar>
    /// The learned per-feature shift β, `[featureCount]`, initially zeros.
    public let offset: Parameter<Scalar>
    /// Added to the variance before the square root, for stability.
    public let epsilon: Scalar

    /// Creates a layer normalisation layer for `featureCount` features.
    ///
    /// - Parameters:
    ///   - featureCount: The size of the input's last axis.
    ///   - epsilon: Added to the variance before the square root.
    public init(featureCount: Int, epsilon: Scalar = 1e-3) {
        scale = Parameter(.ones(shape: [featureCount]))
        offset = Parameter(.zeros(shape: [featureCount]))
        self.epsilon = epsilon
    }

    /// Normalises each example of `input` (`[…, featureCount]`) over its last axis,
    /// then scales and shifts it; the output has the input's shape.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        layerNormalized(input, scale: scale.value, offset: offset.value, epsilon: epsilon)
    }
}

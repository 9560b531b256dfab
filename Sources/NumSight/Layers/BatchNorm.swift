/// Batch normalisation over the last axis (channels); see
/// ``batchNormalized(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``.
///
/// In training mode (``withTrainingMode(_:)``) it normalises with batch statistics
/// and updates the running ones; otherwise it uses the running statistics.
/// Defaults as in Keras: momentum 0.99, epsilon 1e-3, scale ones, offset zeros.
///
/// The running statistics are the plain average of the batches' for the first
/// 1 / (1 − momentum) training steps (100 at 0.99), then a moving average: step
/// *t* (from 1) keeps min(momentum, 1 − 1/*t*) of them. So they hold no trace of
/// their initial zeros and ones, which a moving average alone would keep for
/// hundreds of steps (0.99⁴²² ≈ 1.4 % after one MNIST epoch), and inference after
/// a short run normalises with the scale training used.
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
    /// The training steps this layer has taken (not saved in checkpoints): a layer
    /// loaded from one averages its first steps afresh.
    public private(set) var trainingStepCount = 0

    /// Creates a batch normalisation layer for `featureCount` channels.
    ///
    /// - Parameters:
    ///   - featureCount: The size of the input's last axis.
    ///   - momentum: `running = momentum · running + (1 − momentum) · batch`, once
    ///     the first 1 / (1 − momentum) steps have been averaged.
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
                        runningVariance: &runningVariance.value, momentum: momentumForThisCall(), epsilon: epsilon,
                        isTraining: isTraining)
    }

    /// The momentum with which this call moves the running statistics. In training mode
    /// it counts a step: step t keeps min(momentum, (t − 1)/t) of them, a plain average
    /// of the first steps; in inference it changes nothing (nor are they moved).
    func momentumForThisCall() -> Scalar {
        guard isTraining else { return momentum }
        trainingStepCount += 1
        return Swift.min(momentum, 1 - 1 / Scalar(trainingStepCount))
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

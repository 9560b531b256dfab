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
    public let scale: Parameter<Scalar>
    public let offset: Parameter<Scalar>
    public let runningMean: Buffer<Scalar>
    public let runningVariance: Buffer<Scalar>
    public let momentum: Scalar
    public let epsilon: Scalar

    public init(featureCount: Int, momentum: Scalar = 0.99, epsilon: Scalar = 1e-3) {
        scale = Parameter(.ones(shape: [featureCount]))
        offset = Parameter(.zeros(shape: [featureCount]))
        runningMean = Buffer(.zeros(shape: [featureCount]))
        runningVariance = Buffer(.ones(shape: [featureCount]))
        self.momentum = momentum
        self.epsilon = epsilon
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        batchNormalized(input, scale: scale.value, offset: offset.value, runningMean: &runningMean.value,
                        runningVariance: &runningVariance.value, momentum: momentum, epsilon: epsilon,
                        isTraining: LearningPhase.isTraining)
    }
}

/// Layer normalisation over the last axis; see ``layerNormalized(_:scale:offset:epsilon:)``.
/// Keras' defaults: epsilon 1e-3, scale ones, offset zeros.
public final class LayerNorm<Scalar: TensorScalar>: Layer {
    public let scale: Parameter<Scalar>
    public let offset: Parameter<Scalar>
    public let epsilon: Scalar

    public init(featureCount: Int, epsilon: Scalar = 1e-3) {
        scale = Parameter(.ones(shape: [featureCount]))
        offset = Parameter(.zeros(shape: [featureCount]))
        self.epsilon = epsilon
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        layerNormalized(input, scale: scale.value, offset: offset.value, epsilon: epsilon)
    }
}

extension BatchNorm {
    /// `relu(self(input))` as one op (see
    /// ``batchNormalizedReLU(_:scale:offset:runningMean:runningVariance:momentum:epsilon:isTraining:)``),
    /// for ``Sequential``; the statistics are those of `callAsFunction(_:)`.
    @_specialize(where Scalar == Float)
    func appliedWithReLU(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        batchNormalizedReLU(input, scale: scale.value, offset: offset.value, runningMean: &runningMean.value,
                            runningVariance: &runningVariance.value, momentum: momentum, epsilon: epsilon,
                            isTraining: isTraining)
    }
}

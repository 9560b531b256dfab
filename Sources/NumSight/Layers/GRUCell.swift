/// A gated recurrent unit (Cho et al., 2014), in PyTorch's form:
///
///     r = σ(x·Wᵢᵣ + bᵢᵣ + h·Wₕᵣ + bₕᵣ)        z = σ(x·Wᵢ𝓏 + bᵢ𝓏 + h·Wₕ𝓏 + bₕ𝓏)
///     n = tanh(x·Wᵢₙ + bᵢₙ + r ⊙ (h·Wₕₙ + bₕₙ))   h′ = (1 − z) ⊙ n + z ⊙ h
///
/// - State and output: `[batch, hiddenSize]`.
/// - Parameters: `inputWeight` `[inputSize, 3·hiddenSize]`, `hiddenWeight`
///   `[hiddenSize, 3·hiddenSize]` (gates r, z, n side by side; Glorot-uniform),
///   `inputBias` and `hiddenBias` `[3·hiddenSize]` (zeros).
public final class GRUCell<Scalar: TensorScalar>: RecurrentCell {
    /// The input's weights for the gates r, z and n.
    public let inputWeight: Parameter<Scalar>
    /// The hidden state's weights for the gates r, z and n.
    public let hiddenWeight: Parameter<Scalar>
    /// The input's biases.
    public let inputBias: Parameter<Scalar>
    /// The hidden state's biases.
    public let hiddenBias: Parameter<Scalar>

    /// Creates a cell reading `inputSize` features into a state of `hiddenSize`.
    public init(inputSize: Int, hiddenSize: Int) {
        inputWeight = Parameter(Initializer.glorotUniform.tensor(shape: [inputSize, 3 * hiddenSize]))
        hiddenWeight = Parameter(Initializer.glorotUniform.tensor(shape: [hiddenSize, 3 * hiddenSize]))
        inputBias = Parameter(.zeros(shape: [3 * hiddenSize]))
        hiddenBias = Parameter(.zeros(shape: [3 * hiddenSize]))
    }

    /// Zeros, `[batchSize, hiddenSize]`.
    public func zeroState(batchSize: Int) -> Tensor<Scalar> {
        .zeros(shape: [batchSize, hiddenWeight.value.shape[0]])
    }

    /// h′ for `input` `[batch, inputSize]` and `state` h `[batch, hiddenSize]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>, state: Tensor<Scalar>) -> Tensor<Scalar> {
        let size = hiddenWeight.value.shape[0]
        let fromInput = (matmul(input, inputWeight.value) + inputBias.value).split(sizes: [size, size, size], alongAxis: 1)
        let fromState = (matmul(state, hiddenWeight.value) + hiddenBias.value)
            .split(sizes: [size, size, size], alongAxis: 1)
        let reset = sigmoid(fromInput[0] + fromState[0])
        let update = sigmoid(fromInput[1] + fromState[1])
        let candidate = tanh(fromInput[2] + reset * fromState[2])
        return (1 - update) * candidate + update * state
    }

    /// The state itself.
    public func output(of state: Tensor<Scalar>) -> Tensor<Scalar> { state }
}

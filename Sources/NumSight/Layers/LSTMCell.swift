/// The hidden and cell states of an ``LSTMCell``, each `[batch, hiddenSize]`.
public struct LSTMState<Scalar: TensorScalar> {
    /// h, the output of the step.
    public var hidden: Tensor<Scalar>
    /// c, the memory carried along.
    public var cell: Tensor<Scalar>

    /// Creates a state from h and c.
    public init(hidden: Tensor<Scalar>, cell: Tensor<Scalar>) {
        self.hidden = hidden
        self.cell = cell
    }
}

/// A long short-term memory cell (Hochreiter & Schmidhuber, 1997):
///
///     i, f, g, o = split(x·Wᵢ + h·Wₕ + b)
///     c′ = σ(f) ⊙ c + σ(i) ⊙ tanh(g)      h′ = σ(o) ⊙ tanh(c′)
///
/// - State: ``LSTMState``; output: h, `[batch, hiddenSize]`.
/// - Parameters: `inputWeight` `[inputSize, 4·hiddenSize]` and `hiddenWeight`
///   `[hiddenSize, 4·hiddenSize]` (gates i, f, g, o side by side; Glorot-uniform), and
///   `bias` `[4·hiddenSize]`: zeros except ones for the forget gate (Keras' `unit_forget_bias`).
public final class LSTMCell<Scalar: TensorScalar>: RecurrentCell {
    /// The input's weights for the gates i, f, g and o.
    public let inputWeight: Parameter<Scalar>
    /// The hidden state's weights for the gates i, f, g and o.
    public let hiddenWeight: Parameter<Scalar>
    /// The gates' bias.
    public let bias: Parameter<Scalar>

    /// Creates a cell reading `inputSize` features into states of `hiddenSize`.
    public init(inputSize: Int, hiddenSize: Int) {
        inputWeight = Parameter(Initializer.glorotUniform.tensor(shape: [inputSize, 4 * hiddenSize]))
        hiddenWeight = Parameter(Initializer.glorotUniform.tensor(shape: [hiddenSize, 4 * hiddenSize]))
        let forgetOnes = (0..<4 * hiddenSize).map { (hiddenSize..<2 * hiddenSize).contains($0) ? Scalar(1) : 0 }
        bias = Parameter(Tensor(forgetOnes))
    }

    /// Zeros for h and c.
    public func zeroState(batchSize: Int) -> LSTMState<Scalar> {
        let zeros = Tensor<Scalar>.zeros(shape: [batchSize, hiddenWeight.value.shape[0]])
        return LSTMState(hidden: zeros, cell: zeros)
    }

    /// The next h and c for `input` `[batch, inputSize]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>, state: LSTMState<Scalar>) -> LSTMState<Scalar> {
        let size = hiddenWeight.value.shape[0]
        let gates = (matmul(input, inputWeight.value) + matmul(state.hidden, hiddenWeight.value) + bias.value)
            .split(sizes: [size, size, size, size], alongAxis: 1)
        let cell = sigmoid(gates[1]) * state.cell + sigmoid(gates[0]) * tanh(gates[2])
        return LSTMState(hidden: sigmoid(gates[3]) * tanh(cell), cell: cell)
    }

    /// h.
    public func output(of state: LSTMState<Scalar>) -> Tensor<Scalar> { state.hidden }
}

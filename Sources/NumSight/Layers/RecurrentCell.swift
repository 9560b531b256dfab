/// A layer that takes a state besides its input and returns the next state: one
/// step of a recurrent network. ``RNN`` unrolls a cell over a sequence.
///
/// A cell is a ``Layer`` too (so its parameters are found like any layer's): called
/// with the input alone, it takes one step from the zero state and returns the output.
///
/// ```swift
/// let cell = GRUCell<Float>(inputSize: 8, hiddenSize: 16)
/// var state = cell.zeroState(batchSize: 4)
/// for x in steps { state = cell(x, state: state) }   // x: [4, 8]
/// let hidden = cell.output(of: state)                  // [4, 16]
/// ```
public protocol RecurrentCell<Scalar>: Layer {
    /// What the cell carries from one step to the next.
    associatedtype State
    /// The state before the first step, for `batchSize` sequences.
    func zeroState(batchSize: Int) -> State
    /// The state after reading `input` (`[batch, inputSize]`) in `state`.
    func callAsFunction(_ input: Tensor<Scalar>, state: State) -> State
    /// The output of a step in `state`, `[batch, hiddenSize]`.
    func output(of state: State) -> Tensor<Scalar>
}

extension RecurrentCell {
    /// One step from the zero state: the output for `input` (`[batch, inputSize]`).
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        output(of: self(input, state: zeroState(batchSize: input.shape.first ?? 1)))
    }
}

/// A recurrent cell unrolled over the time axis of `[batch, time, features]`.
///
/// - Input: `[batch, time, inputSize]`.
/// - Output: `[batch, time, hiddenSize]`, the cell's output at every step (the last
///   one is `output[.all, -1]`); ``callAsFunction(_:initialState:)`` also returns the final state.
///
/// ```swift
/// let rnn = RNN(LSTMCell<Float>(inputSize: 8, hiddenSize: 32))
/// let outputs = rnn(sequence)          // [batch, time, 32]
/// ```
public final class RNN<Cell: RecurrentCell>: Layer {
    /// The cell applied at every step.
    public let cell: Cell

    /// Creates the layer around `cell`.
    public init(_ cell: Cell) { self.cell = cell }

    /// The outputs at every step, from the zero state.
    @_specialize(where Cell == LSTMCell<Float>)
    @_specialize(where Cell == GRUCell<Float>)
    public func callAsFunction(_ input: Tensor<Cell.Scalar>) -> Tensor<Cell.Scalar> {
        self(input, initialState: nil).outputs
    }

    /// The outputs at every step and the final state, from `initialState` (the zero state when `nil`).
    public func callAsFunction(
        _ input: Tensor<Cell.Scalar>, initialState: Cell.State?
    ) -> (outputs: Tensor<Cell.Scalar>, finalState: Cell.State) {
        require(input.rank == 3, "RNN: input should be [batch, time, features], got \(input.shape)")
        var state = initialState ?? cell.zeroState(batchSize: input.shape[0])
        var outputs: [Tensor<Cell.Scalar>] = []
        for time in 0..<input.shape[1] {
            state = cell(input[.all, time], state: state)
            outputs.append(cell.output(of: state))
        }
        return (Tensor.stacking(outputs, alongAxis: 1), state)
    }
}

import Foundation
import Testing
import NumSight

@Suite struct RecurrentLayerTests {
    /// `scale · sin(0.7 i + phase)` for i in 0..<count: the same numbers in the NumPy reference.
    func pattern(_ count: Int, scale: Double, phase: Double) -> [Double] {
        (0..<count).map { scale * sin(0.7 * Double($0) + phase) }
    }

    var input: Tensor<Double> { Tensor(pattern(6, scale: 1, phase: 0.3), shape: [2, 3]) }
    var hidden: Tensor<Double> { Tensor(pattern(4, scale: 0.8, phase: 1.1), shape: [2, 2]) }

    // Expected numbers: the cells' formulas evaluated with NumPy on the same weights.
    @Test func gruCellFollowsPyTorchsFormula() {
        let cell = GRUCell<Double>(inputSize: 3, hiddenSize: 2)
        cell.inputWeight.value = Tensor(pattern(18, scale: 0.5, phase: 0), shape: [3, 6])
        cell.hiddenWeight.value = Tensor(pattern(12, scale: 0.5, phase: 2), shape: [2, 6])
        cell.inputBias.value = Tensor(pattern(6, scale: 0.1, phase: 0.5))
        cell.hiddenBias.value = Tensor(pattern(6, scale: 0.1, phase: 1.5))
        expectTensor(cell(input, state: hidden),
                     equals: [0.21386307534692847, 0.18719261410250368, 0.38255991403202094, -0.08360009090961008],
                     shape: [2, 2])
    }

    @Test func lstmCellFollowsItsFormula() {
        let cell = LSTMCell<Double>(inputSize: 3, hiddenSize: 2)
        #expect(cell.bias.value.scalars == [0, 0, 1, 1, 0, 0, 0, 0], "the forget gate's bias starts at one")
        cell.inputWeight.value = Tensor(pattern(24, scale: 0.5, phase: 0), shape: [3, 8])
        cell.hiddenWeight.value = Tensor(pattern(16, scale: 0.5, phase: 2), shape: [2, 8])
        cell.bias.value = Tensor(pattern(8, scale: 0.1, phase: 0.5))
        let state = LSTMState(hidden: hidden, cell: Tensor(pattern(4, scale: 0.6, phase: 0.2), shape: [2, 2]))
        let next = cell(input, state: state)
        expectTensor(next.hidden, equals: [0.06549475976051172, 0.05981081896964302, 0.04153777056068089,
                                           -0.054860528593537274], shape: [2, 2])
        expectTensor(next.cell, equals: [0.1789236661437663, 0.17060808880615771, 0.11035833433420847,
                                         -0.12049694871787034], shape: [2, 2])
    }

    @Test func rnnUnrollsTheCellStepByStep() {
        let cell = withRandomSeed(1) { GRUCell<Double>(inputSize: 3, hiddenSize: 4) }
        let rnn = RNN(cell)
        var generator = SeededRandomNumberGenerator(seed: 2)
        let sequence = Tensor<Double>.randomNormal(shape: [2, 5, 3], using: &generator)
        let (outputs, finalState) = rnn(sequence, initialState: nil)
        var state = cell.zeroState(batchSize: 2)
        for time in 0..<5 {
            state = cell(sequence[.all, time], state: state)
            expectTensor(outputs[.all, time], equals: state.scalars, shape: [2, 4])
        }
        #expect(finalState == state)
        #expect(rnn(sequence) == outputs)
        #expect(rnn.namedParameters.map(\.name) == ["cell.inputWeight", "cell.hiddenWeight", "cell.inputBias",
                                                    "cell.hiddenBias"])
        // Called alone, a cell takes one step from the zero state.
        #expect(cell(sequence[.all, 0]) == outputs[.all, 0])
    }

    /// Reads a sequence with an LSTM and maps its last output to a number.
    final class SequenceRegressor: Layer {
        let rnn = RNN(LSTMCell<Float>(inputSize: 1, hiddenSize: 8))
        let readout = Dense<Float>(inputSize: 8, outputSize: 1)
        func callAsFunction(_ sequence: Tensor<Float>) -> Tensor<Float> { readout(rnn(sequence)[.all, -1]) }
    }

    @Test func anLSTMLearnsToCountOnes() {
        let model = withRandomSeed(3) { SequenceRegressor() }
        var generator = SeededRandomNumberGenerator(seed: 5)
        let bits = Tensor<Float>.randomBernoulli(shape: [32, 5, 1], probability: 0.5, using: &generator)
        let counts = bits.sum(alongAxes: [1, 2]).reshaped(to: [32, 1])
        let optimizer = Adam<Float>(learningRate: 0.03)
        let before = meanSquaredError(predictions: model(bits), targets: counts).scalar
        var after = before
        for _ in 0..<150 {
            let (loss, gradients) = valueWithGradients(of: model) { meanSquaredError(predictions: $0(bits), targets: counts) }
            optimizer.update(model, along: gradients)
            after = loss.scalar
        }
        #expect(after < 0.05 * before, "loss \(before) → \(after)")
    }
}

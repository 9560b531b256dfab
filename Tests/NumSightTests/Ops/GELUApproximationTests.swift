import Testing
import NumSight

@Suite struct GELUApproximationTests {
    @Test func tanhFormMatchesItsFormula() {
        // 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³))), evaluated in Python's math module.
        let x = Tensor<Double>([-2, -0.5, 0, 1, 3])
        expectTensor(gelu(x, approximation: .tanh), equals: [-0.045402, -0.154286, 0, 0.841192, 2.996363], shape: [5],
                     tolerance: 1e-6)
        expectTensor(gelu(x, approximation: .none), equals: gelu(x).scalars, shape: [5])
    }
}

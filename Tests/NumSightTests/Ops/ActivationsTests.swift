import Foundation
import Testing
import NumSight

/// Activations against their textbook formulas, evaluated directly in `Double`.
@Suite struct ActivationsTests {
    let inputs: [Double] = [-3, -1, -0.5, 0, 0.5, 1, 3]

    @Test func reluZeroesNegatives() {
        expectTensor(relu(Tensor<Float>([-2, -0.5, 0, 0.5, 2])), equals: [0, 0, 0, 0.5, 2], shape: [5])
    }

    @Test func leakyReluScalesNegativesBySlope() {
        let x = Tensor<Float>([-2, 0, 3])
        expectTensor(leakyRelu(x), equals: [-0.6, 0, 3], shape: [3])
        expectTensor(leakyRelu(x, slope: 0.01), equals: [-0.02, 0, 3], shape: [3])
    }

    @Test func eluFollowsItsFormulaAndIgnoresHugePositives() {
        let expected = inputs.map { $0 > 0 ? $0 : 2 * (Foundation.exp($0) - 1) }
        expectTensor(elu(Tensor(inputs), alpha: 2), equals: expected, shape: [7], tolerance: 1e-12)
        let huge = elu(Tensor<Float>([1000, -1000]))
        expectTensor(huge, equals: [1000, -1], shape: [2])
    }

    @Test func geluIsXTimesTheNormalCumulativeDistribution() {
        // Φ(1) = 0.8413447460685429, so gelu(1) = 0.8413…, gelu(−1) = −(1 − Φ(1)).
        expectTensor(gelu(Tensor<Double>([0, 1, -1])), equals: [0, 0.8413447460685429, -0.15865525393145707],
                     shape: [3], tolerance: 1e-12)
        let expected = inputs.map { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }
        expectTensor(gelu(Tensor(inputs)), equals: expected, shape: [7], tolerance: 1e-12)
    }

    @Test func sigmoidMatchesItsFormula() {
        let expected = inputs.map { 1 / (1 + Foundation.exp(-$0)) }
        expectTensor(sigmoid(Tensor(inputs)), equals: expected, shape: [7], tolerance: 1e-12)
        expectTensor(sigmoid(Tensor<Float>([0, 2])), equals: [0.5, 0.880797], shape: [2])
    }

    @Test(arguments: [Float(1000), -1000, 100, -100])
    func sigmoidSaturatesWithoutOverflowForFloat(_ logit: Float) {
        let y = sigmoid(Tensor([logit]))
        expectFinite(y)
        expectTensor(y, equals: [logit > 0 ? 1 : 0], shape: [1])
    }

    @Test func sigmoidSaturatesWithoutOverflowForDouble() {
        let y = sigmoid(Tensor<Double>([1000, -1000, -40]))
        expectFinite(y)
        // sigmoid(−40) = e⁻⁴⁰ / (1 + e⁻⁴⁰) ≈ 4.248354255291589e-18: kept, not flushed to 0.
        expectTensor(y, equals: [1, 0, 4.248354255291589e-18], shape: [3], tolerance: 1e-12)
        let ratio = y.scalars[2] / 4.248354255291589e-18
        #expect(abs(ratio - 1) < 1e-12, "expected 4.248354255291589e-18, observed \(y.scalars[2])")
    }

    @Test func tanhMatchesItsFormula() {
        let expected = inputs.map { (Foundation.exp($0) - Foundation.exp(-$0)) / (Foundation.exp($0) + Foundation.exp(-$0)) }
        expectTensor(tanh(Tensor(inputs)), equals: expected, shape: [7], tolerance: 1e-12)
        expectTensor(tanh(Tensor<Float>([1000, -1000])), equals: [1, -1], shape: [2])
    }

    @Test func softplusMatchesLogOfOnePlusExp() {
        let expected = inputs.map { Foundation.log(1 + Foundation.exp($0)) }
        expectTensor(softplus(Tensor(inputs)), equals: expected, shape: [7], tolerance: 1e-12)
        // softplus(0) = ln 2.
        expectTensor(softplus(Tensor<Float>([0])), equals: [0.6931472], shape: [1])
    }

    @Test func softplusOfHugeLogitsIsFinite() {
        // softplus(x) → x for large x and → eˣ (here 0) for very negative x.
        let float = softplus(Tensor<Float>([1000, -1000]))
        let double = softplus(Tensor<Double>([1000, -1000, -50]))
        expectFinite(float)
        expectFinite(double)
        expectTensor(float, equals: [1000, 0], shape: [2])
        expectTensor(double, equals: [1000, 0, 1.9287498479639178e-22], shape: [3], tolerance: 1e-12)
        let ratio = double.scalars[2] / 1.9287498479639178e-22
        #expect(abs(ratio - 1) < 1e-12, "expected 1.9287498479639178e-22, observed \(double.scalars[2])")
    }

    @Test func swishIsXTimesSigmoid() {
        let expected = inputs.map { $0 / (1 + Foundation.exp(-$0)) }
        expectTensor(swish(Tensor(inputs)), equals: expected, shape: [7], tolerance: 1e-12)
    }
}

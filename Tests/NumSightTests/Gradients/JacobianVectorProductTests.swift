import Foundation
import Testing
import NumSight

@Suite struct JacobianVectorProductTests {
    @Test func matchesTheAnalyticDirectionalDerivative() {
        let x = Tensor<Double>([0.5, -1, 2])
        let v = Tensor<Double>([1, 2, -1])
        let (value, tangent) = valueWithJacobianVectorProduct(at: [x], along: [v]) { tanh($0[0]) * $0[0] }
        // d/dx (x · tanh x) = tanh x + x (1 − tanh² x).
        let expected = x.scalars.indices.map { i -> Double in
            let (xi, t) = (x.scalars[i], Foundation.tanh(x.scalars[i]))
            return (t + xi * (1 - t * t)) * v.scalars[i]
        }
        expectTensor(tangent, equals: expected, shape: [3])
        expectTensor(value, equals: x.scalars.map { $0 * Foundation.tanh($0) }, shape: [3])
    }

    @Test func matchesFiniteDifferencesForSeveralInputs() {
        var generator = SeededRandomNumberGenerator(seed: 4)
        let a = Tensor<Double>.randomNormal(shape: [2, 3], using: &generator)
        let b = Tensor<Double>.randomNormal(shape: [3, 2], using: &generator)
        let (da, db) = (Tensor<Double>.randomNormal(shape: [2, 3], using: &generator),
                        Tensor<Double>.randomNormal(shape: [3, 2], using: &generator))
        let f: ([Tensor<Double>]) -> Tensor<Double> = { softmax(matmul($0[0], $0[1])) }
        let tangent = valueWithJacobianVectorProduct(at: [a, b], along: [da, db], of: f).jacobianVectorProduct
        let step = 1e-6
        let numeric = (f([a + step * da, b + step * db]) - f([a - step * da, b - step * db])) / (2 * step)
        expectTensor(tangent, equals: numeric.scalars, shape: [2, 2], tolerance: 1e-7)
    }

    @Test func aConstantHasNoTangent() {
        let tangent = valueWithJacobianVectorProduct(at: [Tensor<Double>([1, 2])], along: [Tensor([1, 1])]) { _ in
            Tensor<Double>([3, 4, 5])
        }.jacobianVectorProduct
        expectTensor(tangent, equals: [0, 0, 0], shape: [3])
    }
}

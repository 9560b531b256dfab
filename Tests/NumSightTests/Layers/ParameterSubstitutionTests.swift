import NumSight
import Testing

@Suite struct ParameterSubstitutionTests {
    let x = Tensor<Double>([1, 2, 3, -1], shape: [2, 2])
    let y = Tensor<Double>([1, 0], shape: [2, 1])

    @Test func aCallWithReplacedParametersUsesThemAndLeavesTheLayerAlone() {
        let model = Dense<Double>(inputSize: 2, outputSize: 1)
        let ownWeight = model.weight.value
        let output = model.withParameters(["weight": Tensor([2, -1], shape: [2, 1]), "bias": Tensor([0.5])]) {
            $0(x)
        }
        #expect(output.scalars == [0.5, 7.5])  // 1·2 + 2·(−1) + 0.5, 3·2 + (−1)·(−1) + 0.5
        #expect(model.weight.value == ownWeight)
        #expect(model(x) == matmul(x, ownWeight))  // the bias starts at zero
    }

    /// One step of MAML: the outer loss of the adapted weight, differentiated
    /// through the inner gradient step, against central differences.
    @Test func gradientsFlowThroughAnInnerUpdateIntoTheReplacedParameters() {
        let model = Dense<Double>(inputSize: 2, outputSize: 1)
        let x2 = Tensor<Double>([0.5, -2, 1, 1], shape: [2, 2])
        let y2 = Tensor<Double>([-1, 2], shape: [2, 1])
        func outerLoss(_ weight: Tensor<Double>) -> Tensor<Double> {
            let innerGradient = gradient(at: weight) { w in
                model.withParameters(["weight": w]) { meanSquaredError(predictions: $0(x), targets: y) }
            }
            let adapted = weight - 0.1 * innerGradient
            return model.withParameters(["weight": adapted]) { meanSquaredError(predictions: $0(x2), targets: y2) }
        }
        let weight = Tensor<Double>([0.3, -0.7], shape: [2, 1])
        let analytic = gradient(at: weight, of: outerLoss)
        for index in 0..<2 {
            var plus = weight, minus = weight
            plus.withUnsafeMutableScalars { $0[index] += 1e-6 }
            minus.withUnsafeMutableScalars { $0[index] -= 1e-6 }
            let numeric = (outerLoss(plus).scalar - outerLoss(minus).scalar) / 2e-6
            #expect(abs(analytic.scalars[index] - numeric) < 1e-6, "∂/∂w\(index): \(analytic.scalars[index]) vs \(numeric)")
        }
        #expect(analytic.scalars.allSatisfy { $0 != 0 })
    }

    @Test func anUnknownNameStopsWithTheLayersNames() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Dense<Double>(inputSize: 2, outputSize: 1).withParameters(["weights": Tensor([1, 2], shape: [2, 1])]) {
                $0(Tensor([1, 2], shape: [1, 2]))
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("withParameters: Dense<Double> has no parameter named [\"weights\"]"), "\(message)")
    }
}

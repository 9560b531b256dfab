import Testing
import NumSight

/// A gradient taken inside any differentiation is recorded, whichever entry point
/// encloses it: the penalty P(θ) = ‖∂/∂x Σ c_θ(x)‖² of a small critic gets the same
/// parameter gradient written four ways, and that gradient matches finite differences.
@Suite struct GradientPenaltyTests {
    let x: Tensor<Double> = {
        var generator = SeededRandomNumberGenerator(seed: 3)
        return Tensor<Double>.randomNormal(shape: [5, 2], using: &generator)
    }()

    func makeCritic() -> Sequential<Double> {
        withRandomSeed(7) {
            Sequential([Dense(inputSize: 2, outputSize: 4, activation: tanh), Dense(inputSize: 4, outputSize: 1)])
        }
    }

    func penalty(of critic: Sequential<Double>, at x: Tensor<Double>) -> Tensor<Double> {
        gradient(at: x) { critic($0).sum() }.squared().sum()
    }

    /// ∂P/∂θ by central differences, parameter by parameter.
    func finiteDifferences(of critic: Sequential<Double>) -> [String: Tensor<Double>] {
        var result: [String: Tensor<Double>] = [:]
        let step = 1e-6
        for (name, parameter) in critic.namedParameters {
            let original = parameter.value
            var estimates = [Double](repeating: 0, count: original.elementCount)
            for element in estimates.indices {
                func value(shiftedBy shift: Double) -> Double {
                    var shifted = original
                    shifted.withUnsafeMutableScalars { $0[element] += shift }
                    parameter.value = shifted
                    return withoutGradients { penalty(of: critic, at: x) }.scalar
                }
                estimates[element] = (value(shiftedBy: step) - value(shiftedBy: -step)) / (2 * step)
            }
            parameter.value = original
            result[name] = Tensor(estimates, shape: original.shape)
        }
        return result
    }

    func expectMatches(_ observed: [String: Tensor<Double>], _ expected: [String: Tensor<Double>], _ form: String) {
        #expect(Set(observed.keys) == Set(expected.keys), "\(form): names \(observed.keys.sorted())")
        for (name, numeric) in expected {
            let analytic = observed[name] ?? .zeros(shape: numeric.shape)
            #expect(analytic.isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-7, relativeTolerance: 1e-5),
                    "\(form), \(name): tape \(analytic.scalars) vs finite differences \(numeric.scalars)")
        }
    }

    @Test func theLayerFormRecordsTheInnerGradient() {
        let critic = makeCritic()
        let expected = finiteDifferences(of: critic)
        #expect(expected["layers.0.weight"]!.scalars.map(abs).reduce(0, +) > 0.1)
        let (value, gradients) = valueWithGradients(of: critic) { penalty(of: $0, at: x) }
        #expect(abs(value.scalar - withoutGradients { penalty(of: critic, at: x) }.scalar) < 1e-12)
        expectMatches(gradients, expected, "valueWithGradients(of:)")
    }

    @Test func theInputRecordingItselfGivesTheSameGradient() {
        let critic = makeCritic()
        let (_, gradients) = valueWithGradients(of: critic) { penalty(of: $0, at: x.requiringGradient()) }
        expectMatches(gradients, finiteDifferences(of: critic), "x.requiringGradient()")
    }

    @Test func backwardThroughThePenaltyFillsTheParameters() {
        let critic = makeCritic()
        penalty(of: critic, at: x).backward()
        var gradients: [String: Tensor<Double>] = [:]
        for (name, parameter) in critic.namedParameters {
            // The last bias does not reach ∂c/∂x, so backward() leaves it without a gradient.
            gradients[name] = parameter.value.gradient ?? .zeros(shape: parameter.value.shape)
        }
        expectMatches(gradients, finiteDifferences(of: critic), "backward()")
    }

    @Test func theSpelledOutDoubleBackwardAgrees() {
        let critic = makeCritic()
        let input = x.requiringGradient()
        let inputGradient = gradients(of: critic(input).sum(), withRespectTo: [input], creatingGraph: true)[0]
        let parameters = critic.namedParameters
        let result = gradients(of: inputGradient.squared().sum(), withRespectTo: parameters.map(\.parameter.value))
        expectMatches(Dictionary(uniqueKeysWithValues: zip(parameters.map(\.name), result)),
                      finiteDifferences(of: critic), "gradients(of:withRespectTo:creatingGraph:)")
    }

    @Test func aTopLevelGradientOfAConstantFunctionIsNotRecorded() {
        // Nothing outside the input records, so the result carries no graph (and costs none).
        let result = gradient(at: Tensor<Double>([1, 2])) { ($0 * $0).sum() }
        #expect(!result.requiresGradient)
        #expect(result.scalars == [2, 4])
    }
}

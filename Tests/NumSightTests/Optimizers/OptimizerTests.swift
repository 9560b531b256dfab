import Testing
import NumSight

/// One scalar parameter, so that updates can be followed by hand.
final class ScalarModel: Layer {
    let weight = Parameter(Tensor<Double>([1]))
    func callAsFunction(_ input: Tensor<Double>) -> Tensor<Double> { input * weight.value }
}

/// Feeds `gradients` to `optimizer` one step at a time and returns the weight.
func weight(after gradients: [Double], with optimizer: any Optimizer<Double>) -> Double {
    let model = ScalarModel()
    for gradient in gradients { optimizer.update(model, along: ["weight": Tensor([gradient])]) }
    return model.weight.value.scalars[0]
}

@Suite struct OptimizerTests {
    // Expected weights were computed by hand-written loops of each paper's update rule.
    let gradients = [1.0, -2.0, 0.5]

    @Test func sgdTakesPlainSteps() {
        // 1 − 0.1·(1 − 2 + 0.5)
        #expect(abs(weight(after: gradients, with: SGD(learningRate: 0.1)) - 1.05) < 1e-15)
    }

    @Test func sgdWithMomentumAndWeightDecay() {
        let observed = weight(after: gradients, with: SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01))
        #expect(abs(observed - 1.053574699) < 1e-12, "observed \(observed)")
    }

    @Test func sgdWithNesterovMomentum() {
        let optimizer = SGD<Double>(learningRate: 0.1, momentum: 0.9, isNesterov: true, weightDecay: 0.01)
        let observed = weight(after: gradients, with: optimizer)
        #expect(abs(observed - 1.095372015241) < 1e-12, "observed \(observed)")
    }

    @Test func adamFollowsKerasForm() {
        let observed = weight(after: gradients, with: Adam(learningRate: 0.1))
        #expect(abs(observed - 0.9502796645796051) < 1e-12, "observed \(observed)")
    }

    @Test func adamMovesByTheLearningRateUnderAConstantGradient() {
        // m̂/√v̂ = 1 when every gradient is the same, so each step moves by exactly the rate (ε = 0).
        let observed = weight(after: [3, 3, 3], with: Adam(learningRate: 0.01, epsilon: 0))
        #expect(abs(observed - 0.97) < 1e-12, "observed \(observed)")
    }

    @Test func amsGradKeepsTheLargestSecondMoment() {
        let decreasing = [5.0, 0.1, 0.1]
        let plain = weight(after: decreasing, with: Adam(learningRate: 0.1))
        let amsGrad = weight(after: decreasing, with: Adam(learningRate: 0.1, usesAMSGrad: true))
        #expect(abs(plain - 0.7773150966145196) < 1e-12, "observed \(plain)")
        #expect(abs(amsGrad - 0.7773681598075823) < 1e-12, "observed \(amsGrad)")
    }

    @Test func adamWDecaysWeightsBeforeEachStep() {
        let observed = weight(after: gradients, with: AdamW(learningRate: 0.1, weightDecay: 0.004))
        #expect(abs(observed - 0.9491454841423049) < 1e-12, "observed \(observed)")
    }

    @Test func rmsPropDividesByTheRootMeanSquare() {
        let plain = weight(after: gradients, with: RMSProp(learningRate: 0.1))
        let withMomentum = weight(after: gradients, with: RMSProp(learningRate: 0.1, momentum: 0.5))
        #expect(abs(plain - 0.8962417476970767) < 1e-12, "observed \(plain)")
        #expect(abs(withMomentum - 0.801928120633407) < 1e-12, "observed \(withMomentum)")
    }

    @Test func adagradAccumulatesSquaredGradients() {
        let observed = weight(after: gradients, with: Adagrad(learningRate: 0.1))
        #expect(abs(observed - 0.9715983506750135) < 1e-12, "observed \(observed)")
    }

    @Test func clippingByGlobalNormScalesAllGradientsTogether() {
        final class Pair: Layer {
            let a = Parameter(Tensor<Double>([0]))
            let b = Parameter(Tensor<Double>([0]))
            func callAsFunction(_ input: Tensor<Double>) -> Tensor<Double> { input }
        }
        let model = Pair()
        let optimizer = SGD<Double>(learningRate: 1, gradientClipping: .globalNorm(1))
        optimizer.update(model, along: ["a": Tensor([3]), "b": Tensor([4])])  // norm 5 → scaled by 1/5
        #expect(abs(model.a.value.scalar + 0.6) < 1e-15 && abs(model.b.value.scalar + 0.8) < 1e-15)
    }

    @Test func clippingByValueClampsEachElement() {
        let optimizer = SGD<Double>(learningRate: 1, gradientClipping: .value(0.5))
        #expect(weight(after: [3], with: optimizer) == 0.5)
    }

    @Test func aLearningRateChangedBetweenStepsTakesEffect() {
        let model = ScalarModel()
        let optimizer = SGD<Double>(learningRate: 0.1)
        optimizer.update(model, along: ["weight": Tensor([1])])
        optimizer.learningRate = 0.01
        optimizer.update(model, along: ["weight": Tensor([1])])
        #expect(abs(model.weight.value.scalar - 0.89) < 1e-15)
    }

    @Test func aScheduleSetsTheRateOfEachStep() {
        let optimizer = SGD<Double>(learningRate: 99, schedule: PiecewiseConstant(boundaries: [1], rates: [0.1, 0.01]))
        #expect(abs(weight(after: [1, 1, 1], with: optimizer) - (1 - 0.1 - 0.02)) < 1e-15)
    }

    @Test func frozenParametersAreLeftAlone() {
        let model = ScalarModel()
        model.setTrainable(false)
        SGD<Double>(learningRate: 0.1).update(model, along: ["weight": Tensor([1])])
        #expect(model.weight.value.scalar == 1)
    }

    @Test func restoredStateContinuesExactlyWhereItStopped() throws {
        let original = ScalarModel()
        let optimizer = Adam<Double>(learningRate: 0.1)
        optimizer.update(original, along: ["weight": Tensor([1])])
        let copy = ScalarModel()
        try copy.load(state: original.state)
        let restored = Adam<Double>(learningRate: 0.1)
        try restored.load(state: optimizer.state, for: copy)
        #expect(restored.step == 1)
        optimizer.update(original, along: ["weight": Tensor([-2])])
        restored.update(copy, along: ["weight": Tensor([-2])])
        #expect(copy.weight.value == original.weight.value)
    }

    @Test func theStateIsTypedAndSavedUnderItsVectorNames() {
        let optimizer = Adam<Double>(learningRate: 0.1, usesAMSGrad: true)
        optimizer.update(ScalarModel(), along: ["weight": Tensor([2])])
        #expect(abs(optimizer.core.states["weight"]!.firstMoment[0] - 0.2) < 1e-15)  // (1 − β₁) · g
        #expect(abs(optimizer.core.states["weight"]!.secondMoment[0] - 0.004) < 1e-15)  // (1 − β₂) · g²
        #expect(Set(optimizer.state.keys) == ["step", "weight/firstMoment", "weight/secondMoment",
                                               "weight/maximumSecondMoment"])
        #expect(SGD<Double>().makeState(count: 3).vectors.isEmpty)
    }

    @Test func savedStateIsValidatedWithAThrownErrorNotATrap() throws {
        let model = ScalarModel()
        let optimizer = Adam<Double>(learningRate: 0.1)
        optimizer.update(model, along: ["weight": Tensor([1])])
        var state = optimizer.state
        state["step"] = Tensor(Double.nan)
        state["weight/secondMoment"] = Tensor([1, 2])
        state["weight/firstMoment"] = Tensor([Double.infinity])
        state["bias/firstMoment"] = Tensor([0])
        let restored = Adam<Double>(learningRate: 0.1)
        let expected = StateMismatch(
            unexpected: ["bias/firstMoment"],
            mismatchedShapes: [.init(name: "weight/secondMoment", expected: [1], found: [2])],
            invalidValues: ["step", "weight/firstMoment"])
        #expect(throws: expected) { try restored.load(state: state, for: model) }
        #expect(restored.step == 0 && restored.state.count == 1)
        state = optimizer.state
        state["weight/secondMoment"] = nil
        #expect(throws: StateMismatch(missing: ["weight/secondMoment"])) { try restored.load(state: state, for: model) }
    }

    @Test func aSubLayerIsUpdatedFromTheWholeModelsGradients() {
        final class TwoLayers: Layer {
            let l1 = Dense<Double>(inputSize: 2, outputSize: 2)
            let l2 = Dense<Double>(inputSize: 2, outputSize: 1)
            func callAsFunction(_ input: Tensor<Double>) -> Tensor<Double> { l2(l1(input)) }
        }
        let model = withRandomSeed(1) { TwoLayers() }
        let (_, gradients) = valueWithGradients(of: model) { $0(Tensor([1, 2], shape: [1, 2])).sum() }
        let (l1Before, l2Before) = (model.l1.weight.value, model.l2.weight.value)
        SGD<Double>(learningRate: 0.5).update(model.l2, along: gradients)
        #expect(model.l1.weight.value == l1Before)
        #expect(model.l2.weight.value == l2Before - 0.5 * gradients["l2.weight"]!)
        #expect(model.l2.bias!.value.scalars == [-0.5])
    }

    @Test func gradientsThatMatchNoParameterStopWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            SGD<Double>().update(ScalarModel(), along: ["encoder.kernel": Tensor([1])])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("update: no gradient matches a parameter of ScalarModel"), "\(message)")
    }

    @Test func clipByGlobalNormReturnsTheNormAndScalesEveryGradient() {
        var generator = SeededRandomNumberGenerator(seed: 2)
        let large = Tensor<Float>.randomNormal(shape: [1000, 37], using: &generator)
        let small = Tensor<Float>([3, 4])
        var gradients = ["large": large, "small": small]
        let expectedNorm = (large.scalars + small.scalars).reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let norm = clipByGlobalNorm(&gradients, maximumNorm: 2)
        #expect(abs(norm - expectedNorm) < 1e-9 * expectedNorm, "\(norm) vs \(expectedNorm)")
        let factor = Float(2 / expectedNorm)
        #expect(gradients["small"]!.isApproximatelyEqual(to: small * factor, absoluteTolerance: 0, relativeTolerance: 1e-6))
        #expect(gradients["large"]!.isApproximatelyEqual(to: large * factor, absoluteTolerance: 0, relativeTolerance: 1e-6))
        var unclipped = ["small": small]
        #expect(clipByGlobalNorm(&unclipped, maximumNorm: 10) == 5)
        #expect(unclipped["small"] == small)
    }

    @Test func parameterGroupsHaveTheirOwnRateDecayAndClipping() {
        final class Pair: Layer {
            let weight = Parameter(Tensor<Double>([1, 1]))
            let bias = Parameter(Tensor<Double>([1]))
            func callAsFunction(_ input: Tensor<Double>) -> Tensor<Double> { input }
        }
        let model = Pair()
        let optimizer = SGD<Double>(learningRate: 0.1, gradientClipping: .globalNorm(1), parameterGroups: [
            ParameterGroup(matching: { $0 == "bias" }, learningRateFactor: 0.5, weightDecay: 0.2,
                           gradientClipping: .value(0.25)),
        ])
        optimizer.update(model, along: ["weight": Tensor([3, 4]), "bias": Tensor([2])])
        // weight: clipped by its own group's norm 5 to (0.6, 0.8), then 1 − 0.1 · g.
        #expect(model.weight.value.isApproximatelyEqual(to: Tensor([0.94, 0.92]), absoluteTolerance: 1e-15))
        // bias: rate 0.05; decay 1 − 0.05 · 0.2 · 1 = 0.99; gradient clamped to 0.25: 0.99 − 0.05 · 0.25.
        #expect(abs(model.bias.value.scalar - 0.9775) < 1e-15, "\(model.bias.value.scalar)")
    }

    @Test func backwardThenUpdateUsesTheAccumulatedGradients() {
        let model = ScalarModel()
        (model(Tensor([2])).squared()).sum().backward()   // d(4w²)/dw = 8w = 8
        SGD<Double>(learningRate: 0.01).update(model)
        #expect(abs(model.weight.value.scalar - 0.92) < 1e-15)
    }
}

@Suite struct LearningRateScheduleTests {
    @Test func stepDecayDropsEveryFewSteps() {
        let schedule = StepDecay(initialRate: 1, factor: 0.5, stepsPerDrop: 10)
        #expect([0, 9, 10, 25].map(schedule.learningRate(atStep:)) == [1, 1, 0.5, 0.25])
    }

    @Test func exponentialDecaySmoothAndStaircase() {
        let smooth = ExponentialDecay(initialRate: 1, decayRate: 0.5, decaySteps: 10)
        let staircase = ExponentialDecay(initialRate: 1, decayRate: 0.5, decaySteps: 10, staircase: true)
        #expect(abs(smooth.learningRate(atStep: 5) - 0.5.squareRoot()) < 1e-15)
        #expect(staircase.learningRate(atStep: 5) == 1)
        #expect(staircase.learningRate(atStep: 20) == 0.25)
    }

    @Test func cosineDecayWarmsUpThenFollowsHalfACosine() {
        let schedule = CosineDecay(peakRate: 1, decaySteps: 100, warmupSteps: 4, minimumFraction: 0.1)
        #expect(schedule.learningRate(atStep: 0) == 0.25)
        #expect(schedule.learningRate(atStep: 3) == 1)
        #expect(abs(schedule.learningRate(atStep: 54) - 0.55) < 1e-12)  // halfway: 0.1 + 0.9 · ½
        #expect(abs(schedule.learningRate(atStep: 104) - 0.1) < 1e-12)
        #expect(abs(schedule.learningRate(atStep: 500) - 0.1) < 1e-12)
    }

    @Test func piecewiseConstantPicksTheRateOfEachInterval() {
        let schedule = PiecewiseConstant(boundaries: [10, 20], rates: [1, 0.5, 0.1])
        #expect([0, 9, 10, 19, 20, 100].map(schedule.learningRate(atStep:)) == [1, 1, 0.5, 0.5, 0.1, 0.1])
    }
}

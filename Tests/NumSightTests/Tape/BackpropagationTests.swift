import Testing
import NumSight

@Suite struct BackpropagationTests {
    @Test func backwardFillsTheGradientOfALeaf() {
        var x = Tensor<Double>([1, 2, 3])
        x.requiresGradient = true
        (x * x).sum().backward()
        #expect(x.gradient?.scalars == [2, 4, 6])
    }

    @Test func aTensorUsedSeveralTimesAccumulatesItsGradients() {
        let x = Tensor<Double>([2]).requiringGradient()
        // y = x·x + 3x + x, dy/dx = 2x + 4 = 8
        (x * x + 3 * x + x).sum().backward()
        #expect(x.gradient?.scalars == [8])
    }

    @Test func backwardTwiceAccumulatesIntoTheLeaf() {
        let x = Tensor<Double>([1, 2]).requiringGradient()
        let y = (x * x).sum()
        y.backward(retainingGraph: true)
        y.backward()
        #expect(x.gradient?.scalars == [4, 8])
    }

    @Test func broadcastGradientsAreSummedBackToTheInputShape() {
        let matrix = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3]).requiringGradient()
        let row = Tensor<Double>([10, 20, 30]).requiringGradient()
        let column = Tensor<Double>([1, 2], shape: [2, 1]).requiringGradient()
        (matrix * row + column).sum().backward()
        #expect(row.gradient?.shape == [3])
        #expect(row.gradient?.scalars == [5, 7, 9])
        #expect(column.gradient?.scalars == [3, 3])
        #expect(matrix.gradient?.scalars == [10, 20, 30, 10, 20, 30])
    }

    @Test func theFunctionalAPIReturnsValueAndGradients() {
        let (value, gradients) = valueWithGradients(at: [Tensor<Double>(3), Tensor<Double>(4)]) { inputs in
            (inputs[0] * inputs[0] + inputs[1] * inputs[1]).squeezingShape()
        }
        #expect(value.scalar == 25)
        #expect(gradients.map(\.scalar) == [6, 8])
    }

    @Test func theFunctionalAPILeavesLeafGradientsAlone() {
        let x = Tensor<Double>([1, 2]).requiringGradient()
        _ = gradient(at: x) { ($0 * $0).sum() }
        #expect(x.gradient == nil)
    }

    @Test func anInputTheOutputIgnoresGetsZeros() {
        let (_, gradients) = valueWithGradients(at: [Tensor<Double>([1, 2]), Tensor<Double>([5])]) { $0[0].sum() }
        #expect(gradients[1].scalars == [0])
    }

    @Test func nestedGradientsGiveHigherDerivatives() {
        // f(x) = x⁴: f' = 4x³, f'' = 12x², f''' = 24x, at x = 2.
        let x = Tensor<Double>(2)
        let second = gradient(at: x) { x in gradient(at: x) { $0.squared().squared() } }
        let third = gradient(at: x) { x in gradient(at: x) { x in gradient(at: x) { $0.squared().squared() } } }
        #expect(second.scalar == 48)
        #expect(third.scalar == 48)
    }

    @Test func withoutGradientsRecordsNothing() {
        let x = Tensor<Double>([1, 2]).requiringGradient()
        let y = withoutGradients { exp(x) * 2 }
        #expect(!y.requiresGradient)
        #expect(y.scalars == [2 * Double.exp(1), 2 * Double.exp(2)])
    }

    @Test func detachingStopsTheGradient() {
        let x = Tensor<Double>([3]).requiringGradient()
        (x * x.detached()).sum().backward()
        #expect(x.gradient?.scalars == [3])
    }

    @Test func aGraphDeeperThanAHundredThousandNodesNeitherRecursesNorOverflows() {
        let x = Tensor<Float>([1]).requiringGradient()
        var y = x
        for _ in 0..<120_000 { y = y + 0.5 }
        y = y * 2
        y.sum().backward()
        #expect(x.gradient?.scalars == [2])
        #expect(y.scalars == [2 * (1 + 60_000)])
    }

    @Test func aDeepGraphThatIsNeverDifferentiatedIsFreedWithoutRecursion() {
        var y = Tensor<Float>([1]).requiringGradient()
        for _ in 0..<150_000 { y = y * 1 }
        #expect(y.requiresGradient)
        y = Tensor<Float>([0])  // drops the whole chain
        #expect(!y.requiresGradient)
    }

    @Test func aVectorJacobianProductTakesASeed() {
        let x = Tensor<Double>([1, 2, 3]).requiringGradient()
        let seed = Tensor<Double>([1, 0, -1])
        let result = gradients(of: x * x, withRespectTo: [x], seed: seed)
        #expect(result[0].scalars == [2, 0, -6])
    }

    @Test func theHessianOfAnMLPLossMatchesFiniteDifferencesOfItsGradient() {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let inputs = Tensor<Double>.randomNormal(shape: [4, 3], using: &generator)
        let labels = [0, 1, 1, 0]
        let weights1 = Tensor<Double>.randomNormal(shape: [3, 5], using: &generator)
        let weights2 = Tensor<Double>.randomNormal(shape: [5, 2], using: &generator)
        func loss(_ parameters: [Tensor<Double>]) -> Tensor<Double> {
            softmaxCrossEntropy(logits: matmul(tanh(matmul(inputs, parameters[0])), parameters[1]), labels: labels)
        }
        // Column j of the Hessian is the derivative of the gradient along eⱼ: compare the
        // tape's Hessian-vector products with central differences of the tape's gradient.
        let parameters = [weights1, weights2]
        let step = 1e-5
        for (index, element) in [(0, 0), (0, 7), (1, 3), (1, 9)] {
            var direction = parameters.map { Tensor<Double>.zeros(shape: $0.shape) }
            direction[index].withUnsafeMutableScalars { $0[element] = 1 }
            let hessianColumn = valueWithGradients(at: parameters) { points in
                let gradient = valueWithGradients(at: points, of: loss).gradients
                return zip(gradient, direction).map { ($0 * $1).sum() }.reduce(Tensor(0), +)
            }.gradients
            func shiftedGradient(_ shift: Double) -> [Tensor<Double>] {
                var shifted = parameters
                shifted[index].withUnsafeMutableScalars { $0[element] += shift }
                return valueWithGradients(at: shifted, of: loss).gradients
            }
            let (plus, minus) = (shiftedGradient(step), shiftedGradient(-step))
            for part in 0..<2 {
                let numeric = (plus[part] - minus[part]) / (2 * step)
                #expect(hessianColumn[part].isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-6, relativeTolerance: 1e-5),
                        "column (\(index), \(element)), block \(part): tape \(hessianColumn[part].scalars) vs \(numeric.scalars)")
            }
        }
    }

    @Test func aGradientPenaltyCanBeMinimised() {
        // Minimise ‖∂f/∂x‖² for f(x) = Σ tanh(w·x): the penalty's gradient needs second derivatives.
        var generator = SeededRandomNumberGenerator(seed: 5)
        let x = Tensor<Double>.randomNormal(shape: [4, 3], using: &generator)
        var w = Tensor<Double>.randomNormal(shape: [3, 2], using: &generator)
        func penalty(_ w: Tensor<Double>) -> Tensor<Double> {
            let inputGradient = gradient(at: x) { tanh(matmul($0, w)).sum() }
            return inputGradient.squared().sum()
        }
        let initial = withoutGradients { penalty(w) }.scalar
        for _ in 0..<100 {
            let (_, g) = valueWithGradient(at: w, of: penalty)
            w = w - 0.05 * g
        }
        let final = withoutGradients { penalty(w) }.scalar
        #expect(final < 0.1 * initial, "penalty went from \(initial) to \(final)")
    }
}

import Testing
import NumSight

/// Reference values are exact by hand, or the published decimal expansions of the constants.
@Suite struct ElementaryFunctionsTests {
    @Test func squaredMultipliesEachElementByItself() {
        expectTensor(Tensor<Float>([-3, 0, 0.5, 2]).squared(), equals: [9, 0, 0.25, 4], shape: [4])
    }

    @Test func squareRootAndReciprocalSquareRootOfPerfectSquares() {
        let x = Tensor<Double>([0.25, 1, 4, 9], shape: [2, 2])
        expectTensor(sqrt(x), equals: [0.5, 1, 2, 3], shape: [2, 2])
        expectTensor(rsqrt(x), equals: [2, 1, 0.5, 1.0 / 3], shape: [2, 2])
        expectTensor(sqrt(Tensor<Float>([2])), equals: [1.4142135], shape: [1])
    }

    @Test func expAndLogAreInversesAtKnownPoints() {
        // e = 2.718281828459045…, ln 10 = 2.302585092994046…
        expectTensor(exp(Tensor<Double>([0, 1, -1])), equals: [1, 2.718281828459045, 0.36787944117144233],
                     shape: [3], tolerance: 1e-14)
        expectTensor(log(Tensor<Double>([1, 2.718281828459045, 10])), equals: [0, 1, 2.302585092994046],
                     shape: [3], tolerance: 1e-14)
        expectTensor(exp(Tensor<Float>([1, 2])), equals: [2.7182817, 7.389056], shape: [2])
        expectTensor(log(Tensor<Float>([0.5])), equals: [-0.6931472], shape: [1])
    }

    @Test func logOfZeroIsMinusInfinityAndExpOverflowsToInfinity() {
        #expect(log(Tensor<Float>([0])).scalars == [-.infinity])
        #expect(exp(Tensor<Float>([100])).scalars == [.infinity])
        #expect(exp(Tensor<Double>([-1000])).scalars == [0])
    }

    @Test func absoluteValueAndSign() {
        let x = Tensor<Float>([-2.5, -0.0, 0, 3])
        expectTensor(abs(x), equals: [2.5, 0, 0, 3], shape: [4])
        expectTensor(sign(x), equals: [-1, 0, 0, 1], shape: [4])
    }

    @Test func errorFunctionMatchesTabulatedValues() {
        // erf(0.5) = 0.5204998778130465, erf(1) = 0.8427007929497149, erf is odd, erf(∞) = 1.
        expectTensor(erf(Tensor<Double>([0, 0.5, 1, -1, 10])),
                     equals: [0, 0.5204998778130465, 0.8427007929497149, -0.8427007929497149, 1],
                     shape: [5], tolerance: 1e-14)
        expectTensor(erf(Tensor<Float>([0.5])), equals: [0.5204999], shape: [1])
    }

    @Test func clampLimitsToBothEndsOfTheRange() {
        expectTensor(clamp(Tensor<Float>([-5, -1, 0, 0.5, 1, 7]), to: -1...1), equals: [-1, -1, 0, 0.5, 1, 1],
                     shape: [6])
    }

    @Test func maximumAndMinimumPickElementwiseWithBroadcasting() {
        let x = Tensor<Double>([1, 5, 3, -2], shape: [2, 2])
        let threshold = Tensor<Double>([2, 0])
        expectTensor(maximum(x, threshold), equals: [2, 5, 3, 0], shape: [2, 2])
        expectTensor(minimum(x, threshold), equals: [1, 0, 2, -2], shape: [2, 2])
        expectTensor(maximum(x, Tensor(0)), equals: [1, 5, 3, 0], shape: [2, 2])
    }
}

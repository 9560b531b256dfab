import Testing
import NumSight

@Suite struct StatisticsTests {
    @Test func correctionChoosesTheDivisor() {
        // Python's statistics.variance([1, 2, 3, 4]) = 5/3; pvariance = 5/4.
        let x = Tensor<Double>([1, 2, 3, 4])
        expectTensor(x.variance(correction: 1), equals: [5.0 / 3], shape: [])
        expectTensor(x.variance(correction: 0), equals: [1.25], shape: [])
        // statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]) = 2.138089935299395.
        let y = Tensor<Double>([2, 4, 4, 4, 5, 5, 7, 9], shape: [2, 4])
        expectTensor(y.standardDeviation(correction: 1), equals: [2.138089935299395], shape: [])
        // Per row: [2, 4, 4, 4] and [5, 5, 7, 9] have sample variances 1 and 11/3.
        expectTensor(y.variance(alongAxes: [1], keepingDimensions: true, correction: 1), equals: [1, 11.0 / 3],
                     shape: [2, 1])
    }
}

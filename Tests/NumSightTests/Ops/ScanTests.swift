import Testing
import NumSight

@Suite struct ScanTests {
    /// [[1, 2, 3],
    ///  [4, 5, 6]]
    let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func cumulativeSumRunsAlongTheAxis() {
        expectTensor(matrix.cumulativeSum(alongAxis: 1), equals: [1, 3, 6, 4, 9, 15], shape: [2, 3])
        expectTensor(matrix.cumulativeSum(alongAxis: 0), equals: [1, 2, 3, 5, 7, 9], shape: [2, 3])
        expectTensor(matrix.cumulativeSum(alongAxis: -1, reverse: true), equals: [6, 5, 3, 15, 11, 6], shape: [2, 3])
    }

    @Test func cumulativeSumGradientCountsLaterPositions() {
        // d/dx_j Σ_i w_i y_i = Σ_{i ≥ j} w_i.
        let gradient = gradient(at: Tensor<Double>([1, 2, 3])) {
            ($0.cumulativeSum(alongAxis: 0) * Tensor([1, 10, 100])).sum()
        }
        expectTensor(gradient, equals: [111, 110, 100], shape: [3])
    }

    @Test func reversingFlipsTheChosenAxes() {
        expectTensor(matrix.reversed(alongAxes: [1]), equals: [3, 2, 1, 6, 5, 4], shape: [2, 3])
        expectTensor(matrix.reversed(alongAxes: [0]), equals: [4, 5, 6, 1, 2, 3], shape: [2, 3])
        expectTensor(matrix.reversed(alongAxes: [0, -1]), equals: [6, 5, 4, 3, 2, 1], shape: [2, 3])
    }
}

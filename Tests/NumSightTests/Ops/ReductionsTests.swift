import Foundation
import Testing
import NumSight

@Suite struct ReductionsTests {
    /// [[1, 2, 3],
    ///  [4, 5, 6]]
    let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func sumOverAllAxesOrChosenOnes() {
        expectTensor(matrix.sum(), equals: [21], shape: [])
        expectTensor(matrix.sum(alongAxes: [0]), equals: [5, 7, 9], shape: [3])
        expectTensor(matrix.sum(alongAxes: [1]), equals: [6, 15], shape: [2])
        expectTensor(matrix.sum(alongAxes: [-1]), equals: [6, 15], shape: [2])
        expectTensor(matrix.sum(alongAxes: [0, 1]), equals: [21], shape: [])
    }

    @Test func keepingDimensionsLeavesReducedAxesOfSizeOne() {
        expectTensor(matrix.sum(alongAxes: [0], keepingDimensions: true), equals: [5, 7, 9], shape: [1, 3])
        expectTensor(matrix.sum(alongAxes: [1], keepingDimensions: true), equals: [6, 15], shape: [2, 1])
        expectTensor(matrix.sum(keepingDimensions: true), equals: [21], shape: [1, 1])
    }

    @Test func sumOverOuterAndInnerAxesOfARank3Tensor() {
        // x[i][j][k] = 100i + 10j + k, shape [2, 2, 3]; summing i and k leaves j:
        // Σ_i Σ_k = 3·(0 + 100) + 2·(0 + 1 + 2) + 6·10j = 306 + 60j.
        var scalars: [Double] = []
        for i in 0..<2 { for j in 0..<2 { for k in 0..<3 { scalars.append(Double(100 * i + 10 * j + k)) } } }
        let x = Tensor(scalars, shape: [2, 2, 3])
        expectTensor(x.sum(alongAxes: [0, 2]), equals: [306, 366], shape: [2])
        expectTensor(x.sum(alongAxes: [2, -3], keepingDimensions: true), equals: [306, 366], shape: [1, 2, 1])
    }

    /// Ten million Float values summed along a leading, a trailing and a split set of axes and
    /// over everything: each result within float rounding of the sum in Double. (A running
    /// Float sum of five million values near 0.4 is off by about a percent.)
    @Test func floatSumsOfTenMillionElementsKeepFloatPrecisionAlongEveryAxis() {
        let count = 10_000_000
        let scalars = (0..<count).map { Float($0 % 7 + 1) * 0.1 }
        func expectSums(shape: [Int], axes: [Int], _ outputIndex: (Int) -> Int) {
            var expected = [Double](repeating: 0, count: count / axes.map { shape[$0] }.reduce(1, *))
            for index in 0..<count { expected[outputIndex(index)] += Double(scalars[index]) }
            let observed = Tensor(scalars, shape: shape).sum(alongAxes: axes).scalars
            let worst = zip(observed, expected).map { abs(Double($0) - $1) / abs($1) }.max() ?? 0
            #expect(worst < 1e-6, "shape \(shape), axes \(axes): relative error \(worst)")
        }
        expectSums(shape: [count], axes: [0]) { _ in 0 }
        expectSums(shape: [5_000_000, 2], axes: [0]) { $0 % 2 }
        expectSums(shape: [2, 5_000_000], axes: [1]) { $0 / 5_000_000 }
        expectSums(shape: [1_000, 2, 5_000], axes: [0, 2]) { ($0 / 5_000) % 2 }
    }

    @Test func meanDividesByTheNumberOfReducedElements() {
        expectTensor(matrix.mean(), equals: [3.5], shape: [])
        expectTensor(matrix.mean(alongAxes: [0]), equals: [2.5, 3.5, 4.5], shape: [3])
        expectTensor(matrix.mean(alongAxes: [1], keepingDimensions: true), equals: [2, 5], shape: [2, 1])
    }

    @Test func varianceIsThePopulationVariance() {
        // [1, 2, 3, 4]: mean 2.5, squared deviations 2.25, 0.25, 0.25, 2.25 → 5 / 4 (not 5 / 3).
        expectTensor(Tensor<Double>([1, 2, 3, 4]).variance(), equals: [1.25], shape: [])
        // Rows of `matrix` each have deviations −1, 0, 1 → 2/3; columns have ±1.5 → 2.25.
        expectTensor(matrix.variance(alongAxes: [1]), equals: [2.0 / 3, 2.0 / 3], shape: [2])
        expectTensor(matrix.variance(alongAxes: [0], keepingDimensions: true), equals: [2.25, 2.25, 2.25],
                     shape: [1, 3])
        expectTensor(Tensor<Float>([7, 7, 7]).variance(), equals: [0], shape: [])
    }

    @Test func maxAndMinAlongAxes() {
        let x = Tensor<Float>([3, -1, 7, 0, 9, -5], shape: [2, 3])
        expectTensor(x.max(), equals: [9], shape: [])
        expectTensor(x.min(), equals: [-5], shape: [])
        expectTensor(x.max(alongAxes: [0]), equals: [3, 9, 7], shape: [3])
        expectTensor(x.min(alongAxes: [1]), equals: [-1, -5], shape: [2])
        expectTensor(x.max(alongAxes: [1], keepingDimensions: true), equals: [7, 9], shape: [2, 1])
    }

    @Test func argmaxGivesTheIndexOfTheFirstLargest() {
        let x = Tensor<Float>([0.1, 0.7, 0.2,
                               0.9, 0.05, 0.9], shape: [2, 3])
        expectTensor(x.argmax(), equals: [1, 0], shape: [2])
        expectTensor(x.argmax(alongAxis: 1), equals: [1, 0], shape: [2])
        expectTensor(x.argmax(alongAxis: 0), equals: [1, 0, 1], shape: [3])
        expectTensor(Tensor<Double>([2, 2, 2]).argmax(), equals: [0], shape: [])
    }

    @Test func argmaxAlongTheMiddleAxisOfARank3Tensor() {
        // Shape [2, 3, 2]; along axis 1 each (i, k) column's largest is where marked.
        let x = Tensor<Float>([1, 9,   5, 2,   3, 4,
                               0, 0,   8, 1,   2, 7], shape: [2, 3, 2])
        expectTensor(x.argmax(alongAxis: 1), equals: [1, 0, 1, 2], shape: [2, 2])
    }

    @Test func logSumExpMatchesTheDirectFormula() {
        // log(e + e² + e³) = 3.40760596444438…
        let values: [Double] = [1, 2, 3]
        let direct = Foundation.log(values.map { Foundation.exp($0) }.reduce(0, +))
        expectTensor(Tensor(values).logSumExp(), equals: [direct], shape: [], tolerance: 1e-14)
        expectTensor(Tensor<Float>([1, 2, 3]).logSumExp(), equals: [3.407606], shape: [])
        let rows = Tensor<Double>([1, 2, 3, 0, 0, 0], shape: [2, 3]).logSumExp(alongAxes: [1], keepingDimensions: true)
        expectTensor(rows, equals: [direct, Foundation.log(3)], shape: [2, 1], tolerance: 1e-14)
    }

    @Test func logSumExpOfHugeLogitsIsFinite() {
        // log(2e¹⁰⁰⁰) = 1000 + ln 2; log(e⁻¹⁰⁰⁰ + e⁻¹⁰⁰⁰) = −1000 + ln 2; log(e¹⁰⁰⁰ + e⁻¹⁰⁰⁰) = 1000.
        let x = Tensor<Float>([1000, 1000, -1000, -1000, 1000, -1000], shape: [3, 2])
        let y = x.logSumExp(alongAxes: [1])
        expectFinite(y)
        expectTensor(y, equals: [1000.6931, -999.3069, 1000], shape: [3])
        let double = Tensor<Double>([1000, 1000]).logSumExp()
        expectTensor(double, equals: [1000 + Foundation.log(2)], shape: [], tolerance: 1e-14)
    }

    @Test func logSumExpOfMinusInfinityEverywhereIsMinusInfinity() {
        // An all-masked row: log Σ e^−∞ = log 0 = −∞, with no NaN from ∞ − ∞.
        let y = Tensor<Float>([-.infinity, -.infinity]).logSumExp()
        #expect(y.scalars == [-.infinity], "expected [-inf], observed \(y.scalars)")
    }

    @Test func summedToShapeUndoesBroadcasting() {
        expectTensor(matrix.summed(toShape: [3]), equals: [5, 7, 9], shape: [3])
        expectTensor(matrix.summed(toShape: [2, 1]), equals: [6, 15], shape: [2, 1])
        expectTensor(matrix.summed(toShape: [1, 3]), equals: [5, 7, 9], shape: [1, 3])
        expectTensor(matrix.summed(toShape: [2, 3]), equals: [1, 2, 3, 4, 5, 6], shape: [2, 3])
    }
}

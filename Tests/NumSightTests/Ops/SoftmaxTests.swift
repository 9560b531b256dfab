import Foundation
import Testing
import NumSight

/// Softmax against eˣ / Σeˣ written out in `Double`.
@Suite struct SoftmaxTests {
    func directSoftmax(_ row: [Double]) -> [Double] {
        let exponentials = row.map { Foundation.exp($0) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    @Test func softmaxMatchesTheDirectFormula() {
        let row: [Double] = [1, 2, 3]
        // ≈ [0.0900305731703805, 0.2447284710547976, 0.6652409557748219]
        expectTensor(softmax(Tensor(row)), equals: directSoftmax(row), shape: [3], tolerance: 1e-14)
        expectTensor(softmax(Tensor<Float>([1, 2, 3])), equals: [0.09003057, 0.24472847, 0.66524096], shape: [3])
    }

    @Test func softmaxWorksRowByRowAlongTheLastAxis() {
        let rows: [[Double]] = [[0.5, -1, 2, 0], [3, 3, 3, 3]]
        let expected = rows.flatMap(directSoftmax)
        let y = softmax(Tensor(rows.flatMap { $0 }, shape: [2, 4]))
        expectTensor(y, equals: expected, shape: [2, 4], tolerance: 1e-14)
        expectTensor(y.sum(alongAxes: [1]), equals: [1, 1], shape: [2], tolerance: 1e-14)
    }

    @Test func softmaxAlongTheFirstAxisNormalisesColumns() {
        // Columns (0, ln 3) and (1, 1): softmax gives (1/4, 3/4) and (1/2, 1/2).
        let x = Tensor<Double>([0, 1, Foundation.log(3), 1], shape: [2, 2])
        expectTensor(softmax(x, alongAxis: 0), equals: [0.25, 0.5, 0.75, 0.5], shape: [2, 2], tolerance: 1e-14)
    }

    @Test func softmaxIgnoresAConstantShift() {
        let row: [Float] = [1, 2, 3]
        expectTensor(softmax(Tensor(row.map { $0 + 100 })), equals: softmax(Tensor(row)).scalars, shape: [3])
    }

    @Test func logSoftmaxIsTheLogOfTheDirectFormula() {
        let row: [Double] = [0.5, -1, 2, 0]
        expectTensor(logSoftmax(Tensor(row)), equals: directSoftmax(row).map { Foundation.log($0) }, shape: [4],
                     tolerance: 1e-14)
    }

    @Test func hugeLogitsGiveFiniteExactSoftmaxInFloat() {
        // e⁻¹⁰⁰⁰ underflows, so softmax is one-hot and logSoftmax is x − 1000 exactly.
        let logits = Tensor<Float>([1000, 0, -1000, -1000, -1000, 1000], shape: [2, 3])
        let probabilities = softmax(logits)
        let logProbabilities = logSoftmax(logits)
        expectFinite(probabilities)
        expectFinite(logProbabilities)
        expectTensor(probabilities, equals: [1, 0, 0, 0, 0, 1], shape: [2, 3])
        expectTensor(logProbabilities, equals: [0, -1000, -2000, -2000, -2000, 0], shape: [2, 3])
    }

    @Test func tiedHugeLogitsShareTheProbabilityInDouble() {
        // softmax(1000, 1000) = (½, ½) and logSoftmax = −ln 2, the same as for (0, 0).
        // x − logΣeˣ subtracts 1000.693… from 1000, whose spacing is 1.1e-13, so
        // only about 13 of the 16 digits survive: the tolerance is 1e-12.
        let logits = Tensor<Double>([1000, 1000, -1000, -1000], shape: [2, 2])
        expectTensor(softmax(logits), equals: [0.5, 0.5, 0.5, 0.5], shape: [2, 2], tolerance: 1e-12)
        let half = -Foundation.log(2.0)
        expectTensor(logSoftmax(logits), equals: [half, half, half, half], shape: [2, 2], tolerance: 1e-12)
    }

    @Test func logSoftmaxOfTiedHugeLogitsKeepsFullPrecision() {
        // log softmax(1000, 1000) = (−ln 2, −ln 2) = −0.6931472 in Float. Computing x − logΣeˣ
        // would round 1000 + ln 2 to Float's spacing at 1000 (6.1e-5) first and give −0.69317627.
        let y = logSoftmax(Tensor<Float>([1000, 1000]))
        expectFinite(y)
        expectTensor(y, equals: [-0.6931472, -0.6931472], shape: [2], tolerance: 1e-6)
    }
}

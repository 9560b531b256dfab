import Testing
import NumSight

@Suite struct ArithmeticTests {
    let a = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let b = Tensor<Float>([6, 5, 4, 3, 2, 1], shape: [2, 3])

    @Test func sameShapeOperandsCombineElementByElement() {
        expectTensor(a + b, equals: [7, 7, 7, 7, 7, 7], shape: [2, 3])
        expectTensor(a - b, equals: [-5, -3, -1, 1, 3, 5], shape: [2, 3])
        expectTensor(a * b, equals: [6, 10, 12, 12, 10, 6], shape: [2, 3])
        expectTensor(a / b, equals: [1.0 / 6, 2.0 / 5, 3.0 / 4, 4.0 / 3, 5.0 / 2, 6], shape: [2, 3])
        expectTensor(-a, equals: [-1, -2, -3, -4, -5, -6], shape: [2, 3])
    }

    @Test func aRowBroadcastsAcrossEveryRow() {
        let row = Tensor<Float>([10, 20, 30])
        expectTensor(a + row, equals: [11, 22, 33, 14, 25, 36], shape: [2, 3])
        expectTensor(row - a, equals: [9, 18, 27, 6, 15, 24], shape: [2, 3])
    }

    @Test func aColumnBroadcastsAcrossEveryColumn() {
        let column = Tensor<Float>([10, 100], shape: [2, 1])
        expectTensor(a * column, equals: [10, 20, 30, 400, 500, 600], shape: [2, 3])
        expectTensor(a / column, equals: [0.1, 0.2, 0.3, 0.04, 0.05, 0.06], shape: [2, 3])
    }

    @Test func aColumnAndARowBroadcastToTheirOuterProduct() {
        let column = Tensor<Double>([1, 2], shape: [2, 1])
        let row = Tensor<Double>([1, 10, 100], shape: [1, 3])
        expectTensor(column * row, equals: [1, 10, 100, 2, 20, 200], shape: [2, 3])
    }

    @Test func operandsOfDifferentRanksAlignTheirTrailingAxes() {
        // [2, 1, 2] + [3, 1] → [2, 3, 2]: out[i][j][k] = lhs[i][0][k] + rhs[j][0].
        let lhs = Tensor<Double>([1, 2, 3, 4], shape: [2, 1, 2])
        let rhs = Tensor<Double>([10, 20, 30], shape: [3, 1])
        expectTensor(lhs + rhs, equals: [11, 12, 21, 22, 31, 32,
                                         13, 14, 23, 24, 33, 34], shape: [2, 3, 2])
    }

    @Test func aScalarTensorBroadcastsToAnyShape() {
        expectTensor(a + Tensor<Float>(0.5), equals: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5], shape: [2, 3])
        expectTensor(Tensor<Float>(12) / a, equals: [12, 6, 4, 3, 2.4, 2], shape: [2, 3])
    }

    @Test func scalarOperandsWorkOnEitherSide() {
        let x = Tensor<Double>([1, 2, 4])
        expectTensor(x + 1, equals: [2, 3, 5], shape: [3])
        expectTensor(1 + x, equals: [2, 3, 5], shape: [3])
        expectTensor(x - 1, equals: [0, 1, 3], shape: [3])
        expectTensor(1 - x, equals: [0, -1, -3], shape: [3])
        expectTensor(x * 3, equals: [3, 6, 12], shape: [3])
        expectTensor(3 * x, equals: [3, 6, 12], shape: [3])
        expectTensor(x / 2, equals: [0.5, 1, 2], shape: [3])
        expectTensor(2 / x, equals: [2, 1, 0.5], shape: [3])
    }

    @Test func compoundAssignmentsBroadcastTheRightHandSide() {
        var x = Tensor<Float>([1, 2, 3, 4], shape: [2, 2])
        x += Tensor([1, 1])
        expectTensor(x, equals: [2, 3, 4, 5], shape: [2, 2])
        x -= Tensor([2])
        expectTensor(x, equals: [0, 1, 2, 3], shape: [2, 2])
        x *= Tensor([2, 3], shape: [2, 1])
        expectTensor(x, equals: [0, 2, 6, 9], shape: [2, 2])
        x /= Tensor([1, 3])
        expectTensor(x, equals: [0, 2 / 3, 6, 3], shape: [2, 2])
    }

    @Test func powerRaisesEachBaseToItsExponent() {
        let base = Tensor<Double>([1, 2, 3, 4])
        expectTensor(pow(base, 2), equals: [1, 4, 9, 16], shape: [4])
        expectTensor(pow(base, 0.5), equals: [1, 1.4142135623730951, 1.7320508075688772, 2], shape: [4])
        expectTensor(pow(Tensor<Double>([2, 3]), -1), equals: [0.5, 1.0 / 3], shape: [2])
    }

    @Test func powerBroadcastsExponentsAgainstBases() {
        // Rows are exponents 1, 2 and 3; columns are bases 2 and 3.
        let bases = Tensor<Float>([2, 3])
        let exponents = Tensor<Float>([1, 2, 3], shape: [3, 1])
        expectTensor(pow(bases, exponents), equals: [2, 3, 4, 9, 8, 27], shape: [3, 2])
    }

    @Test func divisionByZeroFollowsIEEE() {
        let quotient = Tensor<Float>([1, -1, 0]) / Tensor<Float>([0, 0, 0])
        #expect(quotient.scalars[0] == .infinity, "expected +inf, observed \(quotient.scalars[0])")
        #expect(quotient.scalars[1] == -.infinity, "expected -inf, observed \(quotient.scalars[1])")
        #expect(quotient.scalars[2].isNaN, "expected NaN, observed \(quotient.scalars[2])")
    }

    @Test func shapesThatDoNotBroadcastStopTheProgram() async {
        // Trailing axes 3 and 2 neither match nor include a 1.
        await #expect(processExitsWith: .failure) {
            _ = Tensor<Float>.zeros(shape: [2, 3]) + Tensor<Float>.zeros(shape: [2])
        }
    }
}

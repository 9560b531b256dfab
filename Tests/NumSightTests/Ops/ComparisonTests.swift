import Testing
import NumSight

@Suite struct ComparisonTests {
    let x = Tensor<Float>([1, 2, 3])
    let y = Tensor<Float>([3, 2, 1])

    @Test func comparisonsGiveMasksOfOnesAndZeros() {
        expectTensor(x .< y, equals: [1, 0, 0], shape: [3])
        expectTensor(x .<= y, equals: [1, 1, 0], shape: [3])
        expectTensor(x .> y, equals: [0, 0, 1], shape: [3])
        expectTensor(x .>= y, equals: [0, 1, 1], shape: [3])
        expectTensor(x .== y, equals: [0, 1, 0], shape: [3])
        expectTensor(x .!= y, equals: [1, 0, 1], shape: [3])
    }

    @Test func comparisonsWithAScalar() {
        expectTensor(x .< 2, equals: [1, 0, 0], shape: [3])
        expectTensor(x .<= 2, equals: [1, 1, 0], shape: [3])
        expectTensor(x .> 2, equals: [0, 0, 1], shape: [3])
        expectTensor(x .>= 2, equals: [0, 1, 1], shape: [3])
    }

    @Test func comparisonsBroadcast() {
        // column [1, 2] against row [0, 1, 2, 3]: out[i][j] = column[i] > row[j].
        let column = Tensor<Double>([1, 2], shape: [2, 1])
        let row = Tensor<Double>([0, 1, 2, 3])
        expectTensor(column .> row, equals: [1, 0, 0, 0,
                                             1, 1, 0, 0], shape: [2, 4])
    }

    @Test func nanComparesUnequalToEverything() {
        let withNaN = Tensor<Float>([.nan, 1])
        expectTensor(withNaN .== withNaN, equals: [0, 1], shape: [2])
        expectTensor(withNaN .!= withNaN, equals: [1, 0], shape: [2])
    }

    @Test func masksRecordNoGradient() {
        let recorded = x.requiringGradient()
        #expect(!(recorded .> y).requiresGradient)
        #expect(!recorded.mask { $0 > 1 }.requiresGradient)
    }

    @Test func maskMarksElementsSatisfyingThePredicate() {
        expectTensor(Tensor<Float>([-1, 4, 0, 9], shape: [2, 2]).mask { $0 > 0 }, equals: [0, 1, 0, 1], shape: [2, 2])
    }

    @Test func selectPicksEachBranchWhereTheConditionSaysSo() {
        let condition = Tensor<Float>([1, 0, 2, 0])
        let whereTrue = Tensor<Float>([10, 20, 30, 40])
        let whereFalse = Tensor<Float>([-1, -2, -3, -4])
        expectTensor(select(condition, whereTrue, whereFalse), equals: [10, -2, 30, -4], shape: [4])
    }

    @Test func selectBroadcastsConditionAndBranches() {
        // A column condition chooses whole rows; the false branch is a scalar.
        let condition = Tensor<Double>([1, 0], shape: [2, 1])
        let whereTrue = Tensor<Double>([1, 2, 3])
        expectTensor(select(condition, whereTrue, Tensor(0)), equals: [1, 2, 3, 0, 0, 0], shape: [2, 3])
    }
}

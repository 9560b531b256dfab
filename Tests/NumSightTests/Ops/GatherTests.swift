import Testing
import NumSight

@Suite struct GatherTests {
    /// [[1, 2, 3],
    ///  [4, 5, 6]]
    let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func gatheringReadsAlongTheChosenAxis() {
        // result[i, j] = x[i, index[i, j]]
        let alongColumns = IndexTensor([2, 0, 0, 1, 1, 1], shape: [2, 3])
        expectTensor(matrix.gathering(alongColumns, alongAxis: 1), equals: [3, 1, 1, 5, 5, 5], shape: [2, 3])
        // result[i, j] = x[index[i, j], j], with an index shorter than the tensor along axis 1.
        let alongRows = IndexTensor([1, 0], shape: [1, 2])
        expectTensor(matrix.gathering(alongRows, alongAxis: 0), equals: [4, 2], shape: [1, 2])
    }

    @Test func scatteringAddsAccumulatesRepeatedIndices() {
        let base = Tensor<Float>.zeros(shape: [2, 3])
        let source = Tensor<Float>([1, 2, 3, 10, 20, 30], shape: [2, 3])
        let index = IndexTensor([0, 0, 2, 1, 2, 1], shape: [2, 3])
        // Row 0: 1 + 2 to column 0, 3 to column 2. Row 1: 10 + 30 to column 1, 20 to column 2.
        expectTensor(base.scatteringAdding(source, at: index, alongAxis: 1),
                     equals: [3, 0, 3, 0, 40, 20], shape: [2, 3])
        expectTensor(matrix.scatteringAdding(Tensor([100, 200], shape: [1, 2]), at: IndexTensor([1, 0], shape: [1, 2]),
                                             alongAxis: 0),
                     equals: [1, 202, 3, 104, 5, 6], shape: [2, 3])
    }

    @Test func scatterAddIsTheAdjointOfGather() {
        // ⟨gather(x), y⟩ = ⟨x, scatterAdd(y)⟩ for every x and y.
        var generator = SeededRandomNumberGenerator(seed: 5)
        let x = Tensor<Double>.randomNormal(shape: [3, 4], using: &generator)
        let y = Tensor<Double>.randomNormal(shape: [3, 2], using: &generator)
        let index = IndexTensor([3, 3, 0, 1, 2, 0], shape: [3, 2])
        let lhs = (x.gathering(index, alongAxis: 1) * y).sum().scalar
        let rhs = (x * Tensor.zeros(shape: [3, 4]).scatteringAdding(y, at: index, alongAxis: 1)).sum().scalar
        #expect(abs(lhs - rhs) < 1e-12, "\(lhs) vs \(rhs)")
    }

    @Test func takingPutsTheIndexAxesInPlaceOfTheAxis() {
        let table = Tensor<Float>([0, 1, 10, 11, 20, 21], shape: [3, 2])
        let tokens = IndexTensor([2, 0, 1, 2], shape: [2, 2])
        expectTensor(table.taking(tokens), equals: [20, 21, 0, 1, 10, 11, 20, 21], shape: [2, 2, 2])
        expectTensor(matrix.taking(IndexTensor([2, 2, 0]), alongAxis: 1), equals: [3, 3, 1, 6, 6, 4], shape: [2, 3])
    }
}

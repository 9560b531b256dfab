import Testing
import NumSight

@Suite struct IndexingTests {
    /// [[1, 2, 3],
    ///  [4, 5, 6]]
    let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func slicingKeepsARangeAlongOneAxis() {
        expectTensor(matrix.sliced(alongAxis: 1, range: 1..<3), equals: [2, 3, 5, 6], shape: [2, 2])
        expectTensor(matrix.sliced(alongAxis: 0, range: 1..<2), equals: [4, 5, 6], shape: [1, 3])
        expectTensor(matrix.sliced(alongAxis: -1, range: 0..<1), equals: [1, 4], shape: [2, 1])
        expectTensor(matrix.sliced(alongAxis: 1, range: 2..<2), equals: [], shape: [2, 0])
    }

    @Test func paddingAddsZerosOnEachSide() {
        // One zero row above, none below; one zero column on the left, two on the right.
        expectTensor(matrix.padded(with: [(1, 0), (1, 2)]),
                     equals: [0, 0, 0, 0, 0, 0,
                              0, 1, 2, 3, 0, 0,
                              0, 4, 5, 6, 0, 0], shape: [3, 6])
    }

    @Test func paddingWithAValueFillsOnlyTheBorder() {
        expectTensor(Tensor<Double>([1, 2]).padded(with: [(2, 1)], value: -9), equals: [-9, -9, 1, 2, -9], shape: [5])
        expectTensor(Tensor<Float>([0, 5], shape: [1, 2]).padded(with: [(1, 0), (0, 1)], value: 7),
                     equals: [7, 7, 7,
                              0, 5, 7], shape: [2, 3])
    }

    @Test func concatenatingJoinsAlongTheChosenAxis() {
        let other = Tensor<Float>([7, 8, 9], shape: [1, 3])
        expectTensor(Tensor.concatenating([matrix, other], alongAxis: 0), equals: [1, 2, 3, 4, 5, 6, 7, 8, 9],
                     shape: [3, 3])
        let column = Tensor<Float>([10, 20], shape: [2, 1])
        expectTensor(Tensor.concatenating([column, matrix, column], alongAxis: 1),
                     equals: [10, 1, 2, 3, 10,
                              20, 4, 5, 6, 20], shape: [2, 5])
        expectTensor(Tensor.concatenating([column, column], alongAxis: -1), equals: [10, 10, 20, 20], shape: [2, 2])
    }

    @Test func stackingAddsANewAxis() {
        let a = Tensor<Double>([1, 2, 3])
        let b = Tensor<Double>([4, 5, 6])
        expectTensor(Tensor.stacking([a, b]), equals: [1, 2, 3, 4, 5, 6], shape: [2, 3])
        expectTensor(Tensor.stacking([a, b], alongAxis: 1), equals: [1, 4, 2, 5, 3, 6], shape: [3, 2])
        expectTensor(Tensor.stacking([Tensor<Double>(1), Tensor(2)]), equals: [1, 2], shape: [2])
    }

    @Test func splitCutsConsecutivePartsThatConcatenateBack() {
        let parts = matrix.split(sizes: [1, 2], alongAxis: 1)
        #expect(parts.count == 2)
        expectTensor(parts[0], equals: [1, 4], shape: [2, 1])
        expectTensor(parts[1], equals: [2, 3, 5, 6], shape: [2, 2])
        expectTensor(Tensor.concatenating(parts, alongAxis: 1), equals: matrix.scalars, shape: [2, 3])
        let rows = matrix.split(sizes: [1, 1], alongAxis: 0)
        expectTensor(rows[1], equals: [4, 5, 6], shape: [1, 3])
    }

    @Test func gatheringTakesSlicesAtIndicesWhichMayRepeat() {
        let table = Tensor<Float>([0, 0, 10, 11, 20, 21, 30, 31], shape: [4, 2])
        expectTensor(table.gathering(atIndices: [3, 1, 3]), equals: [30, 31, 10, 11, 30, 31], shape: [3, 2])
        expectTensor(matrix.gathering(atIndices: [2, 0], alongAxis: 1), equals: [3, 1, 6, 4], shape: [2, 2])
        expectTensor(matrix.gathering(atIndices: [], alongAxis: 0), equals: [], shape: [0, 3])
    }

    @Test func gatheringAlongTheMiddleAxis() {
        // Shape [2, 3, 2]: pick rows 2 and 0 of each 3×2 block.
        let x = Tensor<Double>([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], shape: [2, 3, 2])
        expectTensor(x.gathering(atIndices: [2, 0], alongAxis: 1), equals: [5, 6, 1, 2, 11, 12, 7, 8],
                     shape: [2, 2, 2])
    }

    @Test func takingAlongLastAxisPicksOneElementPerRow() {
        expectTensor(matrix.takingAlongLastAxis([2, 0]), equals: [3, 4], shape: [2])
        // Rank 3: rows are counted over every axis but the last.
        let x = Tensor<Double>([1, 2, 3, 4, 5, 6, 7, 8], shape: [2, 2, 2])
        expectTensor(x.takingAlongLastAxis([1, 0, 0, 1]), equals: [2, 3, 5, 8], shape: [2, 2])
    }
}

import Testing
import NumSight

@Suite struct MaskingTests {
    let square = Tensor<Float>((1...9).map(Float.init), shape: [3, 3])

    @Test func trianglesKeepTheirSideOfTheDiagonal() {
        expectTensor(square.lowerTriangle(), equals: [1, 0, 0, 4, 5, 0, 7, 8, 9], shape: [3, 3])
        expectTensor(square.upperTriangle(), equals: [1, 2, 3, 0, 5, 6, 0, 0, 9], shape: [3, 3])
        expectTensor(square.lowerTriangle(diagonalOffset: -1), equals: [0, 0, 0, 4, 0, 0, 7, 8, 0], shape: [3, 3])
        expectTensor(square.upperTriangle(diagonalOffset: 1), equals: [0, 2, 3, 0, 0, 6, 0, 0, 0], shape: [3, 3])
        // Batched and rectangular: the last two axes.
        let batch = Tensor<Float>.ones(shape: [2, 2, 3]).lowerTriangle()
        expectTensor(batch, equals: [1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0], shape: [2, 2, 3])
    }

    @Test func causalAndPaddingMasks() {
        expectTensor(Tensor<Float>.causalMask(length: 3), equals: [1, 0, 0, 1, 1, 0, 1, 1, 1], shape: [3, 3])
        expectTensor(Tensor<Float>.paddingMask(lengths: [1, 3], length: 3), equals: [1, 0, 0, 1, 1, 1], shape: [2, 3])
    }

    @Test func fillingReplacesWhereTheMaskIsZero() {
        let mask = Tensor<Float>([1, 0, 1])
        expectTensor(square.filled(with: -1, whereNot: mask), equals: [1, -1, 3, 4, -1, 6, 7, -1, 9], shape: [3, 3])
        let filled = Tensor<Float>([2, 3]).filled(with: -.infinity, whereNot: Tensor([0, 1]))
        #expect(filled.scalars == [-.infinity, 3])
    }

    @Test func fillingPassesTheGradientOnlyToKeptElements() {
        let x = Tensor<Double>([1, 2, 3])
        let gradient = gradient(at: x) { ($0.filled(with: 7, whereNot: Tensor([1, 0, 1])) * Tensor([1, 2, 3])).sum() }
        expectTensor(gradient, equals: [1, 0, 3], shape: [3])
    }

    @Test func oneHotMarksEachIndex() {
        expectTensor(Tensor<Float>(oneHot: IndexTensor([2, 0, 1, 1], shape: [2, 2]), depth: 3),
                     equals: [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0], shape: [2, 2, 3])
    }
}

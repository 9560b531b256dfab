import Testing
import NumSight

@Suite struct ReshapingTests {
    let matrix = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func reshapingKeepsTheRowMajorOrder() {
        expectTensor(matrix.reshaped(to: [3, 2]), equals: [1, 2, 3, 4, 5, 6], shape: [3, 2])
        expectTensor(matrix.reshaped(to: [6]), equals: [1, 2, 3, 4, 5, 6], shape: [6])
        expectTensor(Tensor<Double>([5]).reshaped(to: []), equals: [5], shape: [])
    }

    @Test func reshapingInfersOneDimensionFromMinusOne() {
        let images = Tensor<Float>(repeating: 1, shape: [4, 2, 2, 3])
        #expect(images.reshaped(to: [4, -1]).shape == [4, 12])
        #expect(images.reshaped(to: [-1, 3]).shape == [16, 3])
        #expect(images.reshaped(to: [2, -1, 6]).shape == [2, 4, 6])
    }

    @Test func expandingAndSqueezingAddAndRemoveAxesOfSizeOne() {
        #expect(matrix.expandingShape(at: 0).shape == [1, 2, 3])
        #expect(matrix.expandingShape(at: 1).shape == [2, 1, 3])
        #expect(matrix.expandingShape(at: -1).shape == [2, 3, 1])
        let padded = Tensor<Float>([1, 2, 3], shape: [1, 3, 1])
        expectTensor(padded.squeezingShape(), equals: [1, 2, 3], shape: [3])
        expectTensor(padded.squeezingShape(at: [0]), equals: [1, 2, 3], shape: [3, 1])
        expectTensor(padded.squeezingShape(at: [-1]), equals: [1, 2, 3], shape: [1, 3])
    }

    @Test func transposedWithoutPermutationIsTheMatrixTranspose() {
        // [[1, 2, 3], [4, 5, 6]]ᵀ = [[1, 4], [2, 5], [3, 6]].
        expectTensor(matrix.transposed(), equals: [1, 4, 2, 5, 3, 6], shape: [3, 2])
        expectTensor(matrix.transposed().transposed(), equals: [1, 2, 3, 4, 5, 6], shape: [2, 3])
    }

    @Test func transposedWithPermutationMovesEveryAxis() {
        // x[a][b][c] = 100a + 10b + c, shape [2, 3, 4]; with permutation [2, 0, 1]
        // the result has shape [4, 2, 3] and y[c][a][b] = x[a][b][c].
        var scalars: [Double] = []
        for a in 0..<2 { for b in 0..<3 { for c in 0..<4 { scalars.append(Double(100 * a + 10 * b + c)) } } }
        let x = Tensor(scalars, shape: [2, 3, 4])
        var expected: [Double] = []
        for c in 0..<4 { for a in 0..<2 { for b in 0..<3 { expected.append(Double(100 * a + 10 * b + c)) } } }
        expectTensor(x.transposed(permutation: [2, 0, 1]), equals: expected, shape: [4, 2, 3])
        expectTensor(x.transposed(permutation: [0, 1, 2]), equals: scalars, shape: [2, 3, 4])
    }

    @Test func transposingNHWCToNCHW() {
        // One 2×2 image with channels (r, g): NHWC [1,2,2,2] → NCHW [1,2,2,2] gathers each channel's plane.
        let image = Tensor<Float>([1, 10, 2, 20, 3, 30, 4, 40], shape: [1, 2, 2, 2])
        expectTensor(image.transposed(permutation: [0, 3, 1, 2]), equals: [1, 2, 3, 4, 10, 20, 30, 40],
                     shape: [1, 2, 2, 2])
    }

    @Test func broadcastRepeatsAlongNewAndUnitAxes() {
        expectTensor(Tensor<Float>([1, 2, 3]).broadcast(to: [2, 3]), equals: [1, 2, 3, 1, 2, 3], shape: [2, 3])
        expectTensor(Tensor<Float>([1, 2], shape: [2, 1]).broadcast(to: [2, 3]), equals: [1, 1, 1, 2, 2, 2],
                     shape: [2, 3])
        expectTensor(Tensor<Double>(7).broadcast(to: [2, 2]), equals: [7, 7, 7, 7], shape: [2, 2])
        expectTensor(Tensor<Double>([1, 2], shape: [1, 2, 1]).broadcast(to: [2, 2, 2]),
                     equals: [1, 1, 2, 2, 1, 1, 2, 2], shape: [2, 2, 2])
    }
}

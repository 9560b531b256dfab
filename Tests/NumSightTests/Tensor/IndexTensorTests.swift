import Testing
import NumSight

@Suite struct IndexTensorTests {
    @Test func holdsIntegersInAShape() {
        let tokens = IndexTensor([3, 1, 4, 1, 5, 9], shape: [2, 3])
        #expect(tokens.rank == 2 && tokens.elementCount == 6)
        #expect(tokens.reshaped(to: [-1]).shape == [6])
        #expect(tokens.converted(to: Float.self).scalars == [3, 1, 4, 1, 5, 9])
        #expect(IndexTensor(truncating: Tensor<Float>([2, 0.9, 7])).indices == [2, 0, 7])
    }

    @Test func argmaxGivesIntegers() {
        let scores = Tensor<Float>([0.1, 0.7, 0.2, 0.9, 0.05, 0.05], shape: [2, 3])
        #expect(scores.argmaxIndices() == IndexTensor([1, 0]))
        #expect(scores.argmaxIndices(alongAxis: 0) == IndexTensor([1, 0, 0]))
    }
}

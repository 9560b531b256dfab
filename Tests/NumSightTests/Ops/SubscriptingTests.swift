import Testing
import NumSight

@Suite struct SubscriptingTests {
    /// [[[0, 1, 2], [3, 4, 5]],
    ///  [[6, 7, 8], [9, 10, 11]]]
    let cube = Tensor<Float>((0..<12).map(Float.init), shape: [2, 2, 3])

    @Test func positionsDropAxesAndRangesKeepThem() {
        expectTensor(cube[.all, 1], equals: [3, 4, 5, 9, 10, 11], shape: [2, 3])
        expectTensor(cube[1], equals: [6, 7, 8, 9, 10, 11], shape: [2, 3])
        expectTensor(cube[.all, .all, 2], equals: [2, 5, 8, 11], shape: [2, 2])
        expectTensor(cube[0, 1, 1..<3], equals: [4, 5], shape: [2])
        expectTensor(cube[0...1, -1, 0], equals: [3, 9], shape: [2])
        let t = 1
        expectTensor(cube[.all, t], equals: cube.sliced(alongAxis: 1, range: 1..<2).scalars, shape: [2, 3])
    }

    @Test func gradientReturnsToThePickedElements() {
        let gradient = gradient(at: Tensor<Double>([1, 2, 3, 4], shape: [2, 2])) { $0[.all, 1].sum() }
        expectTensor(gradient, equals: [0, 1, 0, 1], shape: [2, 2])
    }
}

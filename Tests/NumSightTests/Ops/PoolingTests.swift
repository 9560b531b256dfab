import Testing
import NumSight

@Suite struct PoolingTests {
    /// [[ 1,  2,  3,  4],
    ///  [ 5,  6,  7,  8],
    ///  [ 9, 10, 11, 12],
    ///  [13, 14, 15, 16]]
    let fourByFour = Tensor<Float>((1...16).map(Float.init), shape: [1, 4, 4, 1])
    /// [[1, 2, 3],
    ///  [4, 5, 6],
    ///  [7, 8, 9]]
    let threeByThree = Tensor<Float>((1...9).map(Float.init), shape: [1, 3, 3, 1])

    @Test func maxPoolingTakesTheLargestOfEachWindow() {
        expectTensor(maxPool2D(fourByFour, window: (2, 2)), equals: [6, 8, 14, 16], shape: [1, 2, 2, 1])
        expectTensor(maxPool2D(threeByThree, window: (2, 2), strides: (1, 1)), equals: [5, 6, 8, 9],
                     shape: [1, 2, 2, 1])
    }

    @Test func averagePoolingTakesTheMeanOfEachWindow() {
        // (1 + 2 + 5 + 6) / 4 = 3.5, and so on.
        expectTensor(avgPool2D(fourByFour, window: (2, 2)), equals: [3.5, 5.5, 11.5, 13.5], shape: [1, 2, 2, 1])
        expectTensor(avgPool2D(threeByThree, window: (2, 2), strides: (1, 1)), equals: [3, 4, 6, 7],
                     shape: [1, 2, 2, 1])
    }

    @Test func nonSquareWindowsAndStrides() {
        // Window 1×4 (whole rows), then window 4×1 with stride (1, 2): columns 0 and 2.
        expectTensor(maxPool2D(fourByFour, window: (1, 4)), equals: [4, 8, 12, 16], shape: [1, 4, 1, 1])
        expectTensor(avgPool2D(fourByFour, window: (4, 1), strides: (1, 2)), equals: [7, 9], shape: [1, 1, 2, 1])
    }

    @Test func channelsArePooledIndependently() {
        // Channel 1 is channel 0 negated: its maximum is minus the minimum of channel 0.
        let scalars = (1...16).flatMap { [Double($0), -Double($0)] }
        let x = Tensor(scalars, shape: [1, 4, 4, 2])
        expectTensor(maxPool2D(x, window: (2, 2)), equals: [6, -1, 8, -3, 14, -9, 16, -11], shape: [1, 2, 2, 2])
        expectTensor(avgPool2D(x, window: (2, 2)), equals: [3.5, -3.5, 5.5, -5.5, 11.5, -11.5, 13.5, -13.5],
                     shape: [1, 2, 2, 2])
    }

    @Test func eachExampleOfABatchIsPooledOnItsOwn() {
        let batch = Tensor.concatenating([fourByFour, 10 * fourByFour], alongAxis: 0)
        expectTensor(maxPool2D(batch, window: (2, 2)), equals: [6, 8, 14, 16, 60, 80, 140, 160], shape: [2, 2, 2, 1])
    }

    @Test func samePaddingWithStrideTwoPadsOnlyAfterTheImage() {
        // ⌈3 / 2⌉ = 2 windows per axis; total padding 1 goes below and right.
        // Windows: {1, 2, 4, 5}, {3, 6}, {7, 8}, {9}. Averages count only the real pixels.
        expectTensor(maxPool2D(threeByThree, window: (2, 2), padding: .same), equals: [5, 6, 8, 9], shape: [1, 2, 2, 1])
        expectTensor(avgPool2D(threeByThree, window: (2, 2), padding: .same), equals: [3, 4.5, 7.5, 9],
                     shape: [1, 2, 2, 1])
    }

    @Test func averagePoolingWithSamePaddingExcludesThePaddingFromTheCount() {
        // 3×3 windows, stride 1, one zero ring: corners average 4 pixels, edges 6, the centre 9.
        // Counting the padding would give 12 / 9 ≈ 1.33 at the top-left instead of 3.
        expectTensor(avgPool2D(threeByThree, window: (3, 3), strides: (1, 1), padding: .same),
                     equals: [3, 3.5, 4,
                              4.5, 5, 5.5,
                              6, 6.5, 7], shape: [1, 3, 3, 1])
        expectTensor(maxPool2D(threeByThree, window: (3, 3), strides: (1, 1), padding: .same),
                     equals: [5, 6, 6,
                              8, 9, 9,
                              8, 9, 9], shape: [1, 3, 3, 1])
    }

    @Test func maxPoolingNeverPicksThePaddingOfANegativeImage() {
        // Were the padding zeros taking part, every window touching it would give 0.
        let negative = -threeByThree
        expectTensor(maxPool2D(negative, window: (2, 2), padding: .same), equals: [-1, -3, -7, -9], shape: [1, 2, 2, 1])
        expectTensor(avgPool2D(negative, window: (2, 2), padding: .same), equals: [-3, -4.5, -7.5, -9],
                     shape: [1, 2, 2, 1])
    }
}

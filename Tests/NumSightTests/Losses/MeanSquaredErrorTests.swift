import Testing
import NumSight

@Suite struct MeanSquaredErrorTests {
    @Test func meanSquaredErrorWorkedByHand() {
        // Differences 0, 2, −2: (0 + 4 + 4) / 3.
        let loss = meanSquaredError(predictions: Tensor<Float>([1, 2, 3]), targets: Tensor([1, 0, 5]))
        expectTensor(loss, equals: [8.0 / 3], shape: [])
    }

    @Test func theMeanRunsOverEveryElementOfEveryExample() {
        // Differences 1, −1, 3, 0.5 over a [2, 2] batch: (1 + 1 + 9 + 0.25) / 4.
        let predictions = Tensor<Double>([1, 2, 3, 4], shape: [2, 2])
        let targets = Tensor<Double>([0, 3, 0, 3.5], shape: [2, 2])
        expectTensor(meanSquaredError(predictions: predictions, targets: targets), equals: [2.8125], shape: [])
    }

    @Test func aPerfectPredictionCostsNothing() {
        let x = Tensor<Float>([0.5, -2, 7], shape: [3, 1])
        expectTensor(meanSquaredError(predictions: x, targets: x), equals: [0], shape: [])
    }
}

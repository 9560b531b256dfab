import Testing
import NumSight

@Suite struct BatchNormTests {
    /// Four examples of one feature whose batch mean is `mean` and batch variance 1.25
    /// (the values `mean` − 1.5, − 0.5, + 0.5, + 1.5).
    func batch(mean: Double) -> Tensor<Double> {
        Tensor([mean - 1.5, mean - 0.5, mean + 0.5, mean + 1.5], shape: [4, 1])
    }

    @Test func theFirstStepReplacesTheInitialStatistics() {
        let norm = BatchNorm<Double>(featureCount: 1)
        _ = withTrainingMode { norm(batch(mean: 4)) }
        #expect(norm.trainingStepCount == 1)
        expectTensor(norm.runningMean.value, equals: [4], shape: [1], tolerance: 1e-12)
        expectTensor(norm.runningVariance.value, equals: [1.25], shape: [1], tolerance: 1e-12)
    }

    @Test func theFirstStepsAreAveragedEqually() {
        // Batch means 1, 2, 3, 4: their average 2.5, where a moving average from 0 would give 0.0985.
        let norm = BatchNorm<Double>(featureCount: 1)
        for mean in [1.0, 2, 3, 4] { _ = withTrainingMode { norm(batch(mean: mean)) } }
        expectTensor(norm.runningMean.value, equals: [2.5], shape: [1], tolerance: 1e-12)
        expectTensor(norm.runningVariance.value, equals: [1.25], shape: [1], tolerance: 1e-12)
    }

    @Test func laterStepsMoveWithTheMomentum() {
        // Momentum 0.5: step 1 takes the batch (mean 2), step 2 averages (keeps 1/2, as the momentum
        // does), step 3 keeps 0.5, not 2/3: (2 + 6) / 2 = 4, then 0.5 · 4 + 0.5 · 10 = 7.
        let norm = BatchNorm<Double>(featureCount: 1, momentum: 0.5)
        for mean in [2.0, 6, 10] { _ = withTrainingMode { norm(batch(mean: mean)) } }
        expectTensor(norm.runningMean.value, equals: [7], shape: [1], tolerance: 1e-12)
    }

    @Test func theFusedNormAndReLUOfASequentialAveragesAlike() {
        // Sequential runs BatchNorm followed by a ReLU as one op: the same plain average of the first steps.
        let norm = BatchNorm<Double>(featureCount: 1)
        let model = Sequential<Double>([norm, Activation.relu])
        for mean in [1.0, 2, 3, 4] { _ = withTrainingMode { model(batch(mean: mean)) } }
        #expect(norm.trainingStepCount == 4)
        expectTensor(norm.runningMean.value, equals: [2.5], shape: [1], tolerance: 1e-12)
        expectTensor(norm.runningVariance.value, equals: [1.25], shape: [1], tolerance: 1e-12)
    }

    @Test func inferenceNeitherCountsNorMovesTheStatistics() {
        let norm = BatchNorm<Double>(featureCount: 1)
        let output = norm(batch(mean: 4))
        #expect(norm.trainingStepCount == 0)
        expectTensor(norm.runningMean.value, equals: [0], shape: [1])
        // With the initial statistics (0, 1): x / √(1 + 0.001).
        expectTensor(output, equals: batch(mean: 4).scalars.map { $0 / 1.001.squareRoot() }, shape: [4, 1],
                     tolerance: 1e-12)
    }

    @Test func afterOneShortRunInferenceMatchesTrainingOnTheSameData() {
        // 150 steps on batches of one distribution (mean 3, variance 1.25): a moving average alone
        // would still hold 0.99¹⁵⁰ ≈ 22 % of the initial (0, 1).
        let norm = BatchNorm<Double>(featureCount: 1)
        for _ in 0..<150 { _ = withTrainingMode { norm(batch(mean: 3)) } }
        expectTensor(norm.runningMean.value, equals: [3], shape: [1], tolerance: 1e-9)
        expectTensor(norm.runningVariance.value, equals: [1.25], shape: [1], tolerance: 1e-9)
        expectTensor(norm(batch(mean: 3)), equals: withTrainingMode { norm(batch(mean: 3)) }.scalars,
                     shape: [4, 1], tolerance: 1e-9)
    }
}

@testable import MNIST
import Testing

@Suite struct ReduceLROnPlateauTests {
    /// The learning rate after each epoch of `values`.
    func rates(_ plateau: ReduceLROnPlateau, values: [Double]) throws -> [Double] {
        let driver = CallbackDriver()
        var rates: [Double] = []
        plateau.trainingWillBegin(driver.trainer)
        for (index, value) in values.enumerated() {
            plateau.epochDidEnd(index + 1, metrics: [MetricName.validationLoss: value], trainer: driver.trainer)
            rates.append(driver.trainer.optimizer.learningRate)
        }
        return rates
    }

    @Test func lowersTheRateAfterPatienceEpochsWithoutImprovement() throws {
        let plateau = ReduceLROnPlateau(factor: 0.5, patience: 2)
        // Start 0.01; epochs 2, 3 do not improve → halve after epoch 3; 4, 5 → halve after 5.
        #expect(try rates(plateau, values: [1, 1, 1, 1, 1]) == [0.01, 0.01, 0.005, 0.005, 0.0025])
    }

    @Test func improvementsSmallerThanMinDeltaDoNotCount() throws {
        let plateau = ReduceLROnPlateau(factor: 0.5, patience: 1, minDelta: 0.1)
        #expect(try rates(plateau, values: [1, 0.95, 0.8]) == [0.01, 0.005, 0.005])
    }

    @Test func waitsOutTheCooldown() throws {
        let plateau = ReduceLROnPlateau(factor: 0.5, patience: 1, cooldown: 2)
        // Halved after epoch 2; the cooldown counts down at epochs 3 and 4, and, as in Keras,
        // normal operation resumes within epoch 4, so the rate is halved again after epochs 4 and 6.
        #expect(try rates(plateau, values: [1, 1, 1, 1, 1, 1]) == [0.01, 0.005, 0.005, 0.0025, 0.0025, 0.00125])
    }

    @Test func neverGoesBelowTheMinimumRate() throws {
        let plateau = ReduceLROnPlateau(factor: 0.1, patience: 1, minimumLearningRate: 0.0005)
        #expect(try rates(plateau, values: [1, 1, 1, 1]) == [0.01, 0.001, 0.0005, 0.0005])
    }
}

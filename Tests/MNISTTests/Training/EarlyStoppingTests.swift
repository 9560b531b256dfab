@testable import MNIST
import Testing

@Suite struct EarlyStoppingTests {
    @Test func stopsOncePatienceRunsOut() throws {
        let driver = CallbackDriver()
        let stopping = EarlyStopping(patience: 2)
        // Best at epoch 2; epochs 3 and 4 do not improve, so training stops after epoch 4.
        let epochs = try driver.run(stopping, values: [1.0, 0.8, 0.85, 0.9, 0.7, 0.6])
        #expect(epochs == 4 && stopping.stoppedEpoch == 4)
        #expect(stopping.best?.value == 0.8 && stopping.best?.epoch == 2)
        #expect(driver.trainer.stopReason != nil)
    }

    @Test func aSmallerChangeThanMinDeltaIsNoImprovement() throws {
        let stopping = EarlyStopping(minDelta: 0.05, patience: 1)
        let epochs = try CallbackDriver().run(stopping, values: [1.0, 0.97, 0.9])
        #expect(epochs == 2)
    }

    @Test func maximisesAccuracies() throws {
        let stopping = EarlyStopping(monitor: MetricName.validationAccuracy, patience: 1)
        let epochs = try CallbackDriver().run(stopping, monitor: MetricName.validationAccuracy,
                                              values: [0.90, 0.95, 0.97, 0.96, 0.99])
        #expect(epochs == 4 && stopping.best?.epoch == 3)
    }

    @Test func countsEpochsThatMissTheBaseline() throws {
        // Improving, but never below the baseline 0.5: patience 2 runs out at epoch 2.
        let stopping = EarlyStopping(patience: 2, baseline: 0.5)
        let epochs = try CallbackDriver().run(stopping, values: [0.9, 0.8, 0.7, 0.6])
        #expect(epochs == 2)
    }

    @Test func ignoresEpochsBeforeTheStartEpoch() throws {
        let stopping = EarlyStopping(patience: 1, startEpoch: 3)
        let epochs = try CallbackDriver().run(stopping, values: [0.5, 0.9, 0.9, 0.95, 0.99])
        #expect(epochs == 4 && stopping.best?.epoch == 3)
    }

    @Test func restoresTheBestWeightsAfterStopping() throws {
        let driver = CallbackDriver()
        let stopping = EarlyStopping(patience: 2, restoresBestWeights: true)
        try driver.run(stopping, values: [1.0, 0.8, 0.85, 0.9, 0.7]) { driver.setWeights(to: Float($0)) }
        #expect(driver.uniformWeight == 2)
    }

    @Test func restoresTheBestWeightsAlsoWhenItNeverStopped() throws {
        let driver = CallbackDriver()
        let stopping = EarlyStopping(patience: 5, restoresBestWeights: true)
        try driver.run(stopping, values: [1.0, 0.6, 0.7, 0.8]) { driver.setWeights(to: Float($0)) }
        #expect(stopping.stoppedEpoch == nil)
        #expect(driver.uniformWeight == 2)
    }

    @Test func leavesTheWeightsAloneWithoutRestoring() throws {
        let driver = CallbackDriver()
        try driver.run(EarlyStopping(patience: 5), values: [1.0, 0.6, 0.7]) { driver.setWeights(to: Float($0)) }
        #expect(driver.uniformWeight == 3)
    }
}

import MNIST
import NumSight
import Testing

@Suite struct TrainingRecipeTests {
    @Test func theDefaultWarmsUpForHalfAnEpochThenDecaysToZeroAtTheEnd() throws {
        // 422 batches per epoch: 211 warm-up steps, then 6 · 422 − 211 = 2321 steps of cosine.
        let schedule = try #require(TrainingRecipe.default.learningRateSchedule(batchesPerEpoch: 422))
        #expect(abs(schedule.learningRate(atStep: 0) - 3e-3 / 211) < 1e-12)
        #expect(abs(schedule.learningRate(atStep: 210) - 3e-3) < 1e-12)
        #expect(abs(schedule.learningRate(atStep: 211 + 2321 / 2) - 1.5e-3) < 1e-5)
        #expect(schedule.learningRate(atStep: 6 * 422 - 1) < 1e-8)
    }

    @Test func earlyStoppingWaitsUntilTheCosineRateIsBelowHalfItsPeak() {
        // Warm-up 0.5 of 6 epochs: half the peak at epoch 0.5 + 5.5 / 2 = 3.25, so from epoch 4.
        #expect(TrainingRecipe.default.earlyStoppingStartEpoch == 4)
        #expect(TrainingRecipe.original.earlyStoppingStartEpoch == 1)
    }

    @Test func theOriginalHasNoScheduleButAPlateauCallbackAndEarlyStopping() {
        let original = TrainingRecipe.original
        #expect(original.learningRateSchedule(batchesPerEpoch: 422) == nil)
        #expect(original == TrainingRecipe(epochs: 15, learningRate: 1e-3, schedule: .plateau,
                                           augmentation: .original, patience: 3))
    }
}

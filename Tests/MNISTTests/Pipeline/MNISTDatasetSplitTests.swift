import ExampleTestSupport
@testable import MNIST
import Testing

@Suite struct MNISTDatasetSplitTests {
    @Test func keepsTheLastTenthForValidation() {
        let dataset = SyntheticDigits.dataset(count: 100)
        let (training, validation) = dataset.splitForValidation()
        #expect(training.count == 90 && validation.count == 10)
        #expect(training.labels == Array(dataset.labels[0..<90]))
        #expect(validation.labels == Array(dataset.labels[90..<100]))
        #expect(validation.images == Array(dataset.images[(90 * 784)...]))
    }

    @Test func roundsTheValidationSizeDown() {
        let (training, validation) = SyntheticDigits.dataset(count: 10).splitForValidation(fraction: 0.25)
        #expect(training.count == 8 && validation.count == 2)
    }

    @Test func aZeroFractionKeepsEverythingForTraining() {
        let (training, validation) = SyntheticDigits.dataset(count: 10).splitForValidation(fraction: 0)
        #expect(training.count == 10 && validation.count == 0)
    }
}

import ExampleTestSupport
@testable import MNIST
import NumSight
import Testing

@Suite struct SeedCNNTests {
    @Test func hasTheParametersOfTheKerasOriginal() {
        let model = SeedCNN.makeModel()
        let summary = model.summary(inputShape: [1] + SeedCNN.inputShape)
        #expect(summary.contains("Total parameters: 678506"), "\(summary)")
        #expect(summary.contains("Trainable parameters: 678122"))
        #expect(summary.contains("[1, 7, 7, 96]") && summary.contains("[1, 4704]") && summary.contains("[1, 10]"))
        #expect(model.layers.count == 16)
    }

    @Test func givesProbabilitiesThatSumToOne() {
        let model = withRandomSeed(1) { SeedCNN.makeModel() }
        let images = SyntheticDigits.dataset(count: 3)
        let batch = Array(BatchLoader.evaluating(images).batches(forEpoch: 1))[0]
        let probabilities = model.probabilities(for: batch.images, batchSize: 2)
        #expect(probabilities.shape == [3, 10])
        for row in 0..<3 {
            let sum = probabilities.scalars[(row * 10)..<((row + 1) * 10)].reduce(0, +)
            #expect(abs(sum - 1) < 1e-5, "row \(row) sums to \(sum)")
        }
        #expect(model.predictedClasses(for: batch.images).count == 3)
    }
}

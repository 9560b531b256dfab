import Testing
import NumSight

@Suite struct CategoricalCrossEntropyTests {
    /// `[2, 2, 3]`: two sequences of two positions, three classes.
    let logits = Tensor<Double>([2.0, 1.0, 0.1, 0.5, 2.5, -1.0, 0.0, 0.0, 0.0, 1.0, -1.0, 3.0], shape: [2, 2, 3])
    let labels = IndexTensor([0, 1, 2, -100], shape: [2, 2])

    // Expected numbers: PyTorch's formula for F.cross_entropy, evaluated with NumPy.
    @Test func plainMeanOverElementsNotIgnored() {
        expectTensor(crossEntropy(logits: logits, labels: labels, ignoredLabel: -100),
                     equals: [0.5562735040227439], shape: [])
    }

    @Test func weightsSmoothingAndEveryReduction() {
        let weights = Tensor<Double>([1, 2, 0.5])
        func loss(_ reduction: Reduction) -> Tensor<Double> {
            crossEntropy(logits: logits, labels: labels, ignoredLabel: -100, labelSmoothing: 0.1,
                         classWeights: weights, reduction: reduction)
        }
        expectTensor(loss(.none), equals: [0.522313849882464, 0.41859156365105266, 0.6225469635785956, 0], shape: [2, 2])
        expectTensor(loss(.sum), equals: [1.5634523771121123], shape: [])
        // The mean divides by the weights of the labels kept: 1 + 2 + 0.5.
        expectTensor(loss(.mean), equals: [0.4467006791748892], shape: [])
    }

    @Test func theClassAxisCanBeAnyAxis() {
        let classesInTheMiddle = logits.transposed(permutation: [0, 2, 1])   // [2, 3, 2], PyTorch's layout
        let expected = crossEntropy(logits: logits, labels: labels, ignoredLabel: -100, labelSmoothing: 0.2)
        let observed = crossEntropy(logits: classesInTheMiddle, labels: labels, alongAxis: 1, ignoredLabel: -100,
                                    labelSmoothing: 0.2)
        expectTensor(observed, equals: expected.scalars, shape: [])
    }

    @Test func matchesTheTwoDimensionalLoss() {
        let matrix = logits.reshaped(to: [4, 3])
        let expected = softmaxCrossEntropy(logits: matrix, labels: [0, 1, 2, 2])
        expectTensor(crossEntropy(logits: matrix, labels: IndexTensor([0, 1, 2, 2])), equals: expected.scalars, shape: [])
    }

    @Test func otherLossesReduceTheSameWay() {
        let predictions = Tensor<Double>([1, 2, 3, 4], shape: [2, 2])
        let targets = Tensor<Double>([1, 0, 0, 4], shape: [2, 2])
        expectTensor(meanSquaredError(predictions: predictions, targets: targets, reduction: .none),
                     equals: [0, 4, 9, 0], shape: [2, 2])
        expectTensor(meanSquaredError(predictions: predictions, targets: targets, reduction: .sum), equals: [13], shape: [])
        expectTensor(meanSquaredError(predictions: predictions, targets: targets), equals: [3.25], shape: [])
        let perExample = softmaxCrossEntropy(logits: logits.reshaped(to: [4, 3]), labels: [0, 1, 2, 0], reduction: .none)
        #expect(perExample.shape == [4])
        let sigmoidSum = sigmoidCrossEntropy(logits: predictions, labels: targets / 4, reduction: .sum)
        let sigmoidMean = sigmoidCrossEntropy(logits: predictions, labels: targets / 4)
        #expect(abs(sigmoidSum.scalar - 4 * sigmoidMean.scalar) < 1e-12)
    }
}

import Foundation
import Testing
import NumSight

@Suite struct CrossEntropyTests {
    /// −log softmax(row)[label], written out in `Double`.
    func directCrossEntropy(_ row: [Double], label: Int) -> Double {
        let total = row.map { Foundation.exp($0) }.reduce(0, +)
        return -Foundation.log(Foundation.exp(row[label]) / total)
    }

    /// −[z log σ(x) + (1 − z) log(1 − σ(x))], written out in `Double`.
    func directBinaryCrossEntropy(logit: Double, label: Double) -> Double {
        let probability = 1 / (1 + Foundation.exp(-logit))
        return -(label * Foundation.log(probability) + (1 - label) * Foundation.log(1 - probability))
    }

    @Test func softmaxCrossEntropyWithLabelsWorkedByHand() {
        // Row 1: log(e + e² + e³) − 3 = 0.40760596444438; row 2 (uniform): ln 3. Mean 0.7531091265562449.
        let logits = Tensor<Float>([1, 2, 3, 1, 1, 1], shape: [2, 3])
        expectTensor(softmaxCrossEntropy(logits: logits, labels: [2, 0]), equals: [0.7531091], shape: [])
    }

    @Test func softmaxCrossEntropyWithLabelsMatchesTheDirectFormula() {
        let rows: [[Double]] = [[0.5, -1, 2, 0], [3, 0.25, -2, 1], [0, 0, 0, 4]]
        let labels = [1, 0, 3]
        let expected = zip(rows, labels).map { directCrossEntropy($0, label: $1) }.reduce(0, +) / 3
        let loss = softmaxCrossEntropy(logits: Tensor(rows.flatMap { $0 }, shape: [3, 4]), labels: labels)
        expectTensor(loss, equals: [expected], shape: [], tolerance: 1e-14)
    }

    @Test func oneHotProbabilitiesGiveTheSameLossAsLabels() {
        let logits = Tensor<Double>([0.5, -1, 2, 3, 0.25, -2], shape: [2, 3])
        let oneHot = Tensor<Double>([0, 0, 1, 1, 0, 0], shape: [2, 3])
        let fromLabels = softmaxCrossEntropy(logits: logits, labels: [2, 0])
        expectTensor(softmaxCrossEntropy(logits: logits, probabilities: oneHot), equals: fromLabels.scalars, shape: [],
                     tolerance: 1e-14)
    }

    @Test func softProbabilitiesWeightEachClassLogProbability() {
        // −Σ p · log softmax(x) with p = (¼, ¾) over logits (0, ln 3): softmax = (¼, ¾),
        // so the loss is the entropy −(¼ ln ¼ + ¾ ln ¾) = 0.5623351446188083.
        let logits = Tensor<Double>([0, Foundation.log(3)], shape: [1, 2])
        let probabilities = Tensor<Double>([0.25, 0.75], shape: [1, 2])
        expectTensor(softmaxCrossEntropy(logits: logits, probabilities: probabilities), equals: [0.5623351446188083],
                     shape: [], tolerance: 1e-14)
    }

    @Test func softmaxCrossEntropyOfHugeLogitsIsFiniteAndExact() {
        // Right with certainty: 0. Wrong by 2000: 2000. A tie at 1000: ln 2.
        let logits = Tensor<Float>([1000, 0, -1000,
                                    1000, 0, -1000,
                                    1000, 1000, -1000], shape: [3, 3])
        let perExample: [[Int]] = [[0], [2], [1]]
        let expected: [Float] = [0, 2000, 0.6931472]
        for (row, labels) in perExample.enumerated() {
            let loss = softmaxCrossEntropy(logits: logits.sliced(alongAxis: 0, range: row..<row + 1), labels: labels)
            expectFinite(loss)
            expectTensor(loss, equals: [expected[row]], shape: [], tolerance: 1e-6)
        }
        // All three targets on the last class: (2000 + 2000 + (2000 + ln 2)) / 3.
        let probabilities = Tensor<Float>([0, 0, 1, 0, 0, 1, 0, 0, 1], shape: [3, 3])
        let soft = softmaxCrossEntropy(logits: logits, probabilities: probabilities)
        expectFinite(soft)
        expectTensor(soft, equals: [2000.2310], shape: [], tolerance: 1e-6)
    }

    @Test func sigmoidCrossEntropyMatchesTheDirectFormula() {
        let logits: [Double] = [-3, -0.5, 0, 0.5, 2, 4]
        let labels: [Double] = [0, 1, 1, 0, 1, 0.25]
        let expected = zip(logits, labels).map { directBinaryCrossEntropy(logit: $0, label: $1) }.reduce(0, +) / 6
        let loss = sigmoidCrossEntropy(logits: Tensor(logits, shape: [2, 3]), labels: Tensor(labels, shape: [2, 3]))
        expectTensor(loss, equals: [expected], shape: [], tolerance: 1e-12)
        // At logit 0 the prediction is ½ and the loss is ln 2 whatever the label.
        expectTensor(sigmoidCrossEntropy(logits: Tensor<Float>([0, 0]), labels: Tensor([0, 1])), equals: [0.6931472],
                     shape: [])
    }

    @Test func sigmoidCrossEntropyOfHugeLogitsIsFiniteAndExact() {
        // Confidently right: 0; confidently wrong by 1000: 1000.
        let logits = Tensor<Float>([1000, 1000, -1000, -1000])
        let labels = Tensor<Float>([1, 0, 0, 1])
        for index in 0..<4 {
            let loss = sigmoidCrossEntropy(logits: logits.sliced(alongAxis: 0, range: index..<index + 1),
                                           labels: labels.sliced(alongAxis: 0, range: index..<index + 1))
            expectFinite(loss)
            expectTensor(loss, equals: [[0, 1000, 0, 1000][index]], shape: [])
        }
        let mean = sigmoidCrossEntropy(logits: logits.converted(to: Double.self), labels: labels.converted(to: Double.self))
        expectFinite(mean)
        expectTensor(mean, equals: [500], shape: [])
    }
}

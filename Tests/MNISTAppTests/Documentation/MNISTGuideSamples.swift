import DocumentationTestSupport
import Foundation
import MNIST
@testable import Plotting
import Testing
import NumSight
@testable import MNISTApp

// The code samples of the MNIST guides, run as tests (see GuideSamples.swift in
// NumSightTests). They train on a thousand test digits so that debug builds stay quick.

/// Collects what a sample prints: inside this suite, `print` means its method.
final class PrintedLines: @unchecked Sendable {
    var lines: [String] = []
}

// sample: mnist-stop-at-accuracy
/// Stops training once validation accuracy reaches `target`.
final class StopAtAccuracy: TrainingCallback {
    let target: Double

    init(target: Double) { self.target = target }

    var requiredMetrics: [String] { [MetricName.validationAccuracy] }

    func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
        if metrics[MetricName.validationAccuracy]! >= target {
            trainer.requestStop(reason: "validation accuracy reached \(target)")
        }
    }
}
// end sample
extension Documentation {
    @Suite struct MNISTGuideSamples {
        let printed = PrintedLines()

        func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
            printed.lines.append(items.map { String(describing: $0) }.joined(separator: separator))
        }

        // MARK: TrainingMNIST.md

        @Test func plainTrainingLoop() throws {
            // sample: mnist-plain-loop
            let digits = try MNISTDataset(split: .test).examples(in: 0..<1_000)   // small, to be quick
            let (training, validation) = digits.splitForValidation(fraction: 0.2)
            let model = withRandomSeed(42) {
                Sequential<Float>([
                    Flatten(),
                    Dense(inputSize: 784, outputSize: 32, activation: relu),
                    Dense(inputSize: 32, outputSize: 10),
                ])
            }
            let optimizer = Adam<Float>(learningRate: 0.003)
            let loader = BatchLoader(dataset: training, batchSize: 100, augmentation: nil, seed: 42)

            for epoch in 1...3 {
                var lossSum: Float = 0
                for batch in loader.batches(forEpoch: epoch) {
                    let (loss, gradients) = withTrainingMode {
                        valueWithGradients(of: model) { model in
                            softmaxCrossEntropy(logits: model(batch.images), labels: batch.labels)
                        }
                    }
                    optimizer.update(model, along: gradients)
                    lossSum += loss.scalar * Float(batch.count)
                }
                var correct = 0
                for batch in BatchLoader.evaluating(validation).batches(forEpoch: 0) {
                    let predicted = model.predictedClasses(for: batch.images)
                    correct += zip(predicted, batch.labels).filter { $0 == $1 }.count
                }
                print("epoch \(epoch): loss \(lossSum / Float(training.count)), validation accuracy \(correct) of \(validation.count)")
            }
            // end sample
            #expect(printed.lines.count == 3)
            GuideText.expectOutput(printed.lines, of: "mnist-plain-loop")
        }

        @Test func trainerWithCallbacks() throws {
            let digits = try MNISTDataset(split: .test).examples(in: 0..<1_000)
            let (training, validation) = digits.splitForValidation(fraction: 0.2)
            let model = withRandomSeed(42) {
                Sequential<Float>([
                    Flatten(),
                    Dense(inputSize: 784, outputSize: 32, activation: relu),
                    Dense(inputSize: 32, outputSize: 10),
                ])
            }
            // sample: mnist-trainer
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-guide")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let trainer = Trainer(model: model, optimizer: Adam(learningRate: 0.003), architectureName: "mlp-32",
                                  callbacks: [
                                      StopAtAccuracy(target: 0.85),
                                      EarlyStopping(monitor: MetricName.validationAccuracy, patience: 2,
                                                    restoresBestWeights: true),
                                      try ModelCheckpoint(path: folder.appendingPathComponent("best.safetensors").path,
                                                          monitor: MetricName.validationAccuracy, savesBestOnly: true),
                                      CSVLogger(url: folder.appendingPathComponent("history.csv")),
                                  ])
            let history = try trainer.fit(BatchLoader(dataset: training, batchSize: 100, augmentation: nil, seed: 42),
                                          validation: .evaluating(validation), epochs: 10)
            print(history.epochs, trainer.stopReason ?? "")
            print(try String(contentsOf: folder.appendingPathComponent("history.csv"), encoding: .utf8))
            // end sample
            try? FileManager.default.removeItem(at: folder)
            #expect(trainer.stopReason != nil)
            GuideText.expectOutput(printed.lines, of: "mnist-trainer")
        }

        // MARK: ServingPredictions.md

        @Test func preprocessingStages() throws {
            // sample: serve-stages
            var canvas = Canvas(width: 280, height: 280)               // white paper, as on the page
            let two = [(150.0, 120.0), (200, 95), (245, 125), (230, 180), (150, 250), (260, 250)]
            canvas.drawPolyline(two, color: .black, width: 18)         // a "2", drawn low and to the right
            let stages = try DigitPreprocessor().stages(of: canvas.image)
            print("ink:", stages.ink.width, "×", stages.ink.height)
            print("bounds: columns", stages.inkBounds.columns, "rows", stages.inkBounds.rows)
            print("cropped:", stages.cropped.width, "×", stages.cropped.height)
            print("scaled:", stages.scaled.width, "×", stages.scaled.height)
            print("placed at:", stages.offset.x, stages.offset.y)
            let centre = stages.centred.centreOfMass!
            print("centre of mass:", String(format: "%.2f %.2f", centre.x, centre.y))
            // end sample
            #expect(stages.centred.values.count == 784)
            GuideText.expectOutput(printed.lines, of: "serve-stages")
        }
    }
}

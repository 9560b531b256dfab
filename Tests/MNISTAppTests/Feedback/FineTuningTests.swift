import ExampleTestSupport
import Foundation
import MNIST
import NumSight
import Testing
@testable import MNISTApp

/// Fine-tuning learns the feedback and measures before and after; a tiny linear model on
/// synthetic digits stands in for the CNN and MNIST, which are too slow in debug builds.
@Suite struct FineTuningTests {
    @Test func feedbackIsLearntAndMeasuredBeforeAndAfter() throws {
        let training = SyntheticDigits.dataset(count: 200, seed: 1)
        let test = SyntheticDigits.dataset(count: 100, seed: 2)
        // Corrections the model cannot know yet: the squares of 0 and 1 labelled the other way round.
        let swapped = SyntheticDigits.dataset(count: 20, seed: 3)
        let feedback = try MNISTDataset(images: Array(swapped.images[..<(2 * 784)]), labels: [1, 0])
        let model = SyntheticDigits.tinyModel()
        try Trainer(model: model, optimizer: Adam(learningRate: 0.01))
            .fit(BatchLoader(dataset: training, batchSize: 20, augmentation: nil, seed: 1), epochs: 3)

        let report = try FineTuning(epochs: 3, batchSize: 20, learningRate: 0.01, feedbackFraction: 0.25,
                                    augmentation: nil, seed: 4)
            .run(model, feedback: feedback, training: training, test: test)
        #expect(report.before.test > 0.9)
        #expect(report.before.feedback == 0)
        #expect(report.after.feedback == 1)
        #expect(report.after.test >= 0.75, "\(report)")  // 0 and 1 are now ambiguous: at most 80 % is right
        #expect(report.testCount == 100 && report.feedbackCount == 2)
    }

    @Test func theReportIsATable() {
        let report = FineTuning.Report(before: .init(test: 0.9941, feedback: 0.35),
                                       after: .init(test: 0.9938, feedback: 0.95), testCount: 10000, feedbackCount: 40)
        #expect(report.description == """
            Accuracy              before     after
            MNIST test (10000)   99.41 %   99.38 %
            feedback (40)        35.00 %   95.00 %
            """)
    }

    @Test func theDefaultOutputIsBesideTheModelNeverOverIt() {
        let model = URL(fileURLWithPath: "/runs/mnist/model.safetensors")
        #expect(FineTuneCommand.defaultOutput(for: model).path == "/runs/mnist/model-finetuned.safetensors")
    }

    @Test func withoutFeedbackTheCommandFailsAndWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FineTuningTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let modelURL = folder.appendingPathComponent("model.safetensors")
        try Checkpoint.save(withRandomSeed(1) { SeedCNN.makeModel() }, to: modelURL)
        _ = try FeedbackStore(folder: folder.appendingPathComponent("feedback"))
        let status = MNISTCommandLine.run(["finetune", "--model", modelURL.path,
                                           "--feedback", folder.appendingPathComponent("feedback").path])
        #expect(status == 1)
        #expect(!FileManager.default.fileExists(atPath: FineTuneCommand.defaultOutput(for: modelURL).path))
    }
}

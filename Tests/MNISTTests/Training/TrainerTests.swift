import CNumSightKernels
import ExampleTestSupport
import Foundation
@testable import MNIST
import NumSight
import Testing

@Suite struct TrainerTests {
    /// Records which callback methods were called, in order.
    final class Recorder: TrainingCallback {
        var events: [String] = []
        let requiredMetrics: [String]
        init(requiredMetrics: [String] = []) { self.requiredMetrics = requiredMetrics }
        func trainingWillBegin(_ trainer: Trainer) { events.append("begin") }
        func epochWillBegin(_ epoch: Int, trainer: Trainer) { events.append("epoch \(epoch)") }
        func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) { events.append("batch \(batch)") }
        func epochDidEnd(_ epoch: Int, metrics: [String: Double], trainer: Trainer) {
            events.append("end \(epoch) " + metrics.keys.sorted().joined(separator: ","))
        }
        func trainingDidEnd(_ trainer: Trainer) { events.append("done") }
    }

    let training = SyntheticDigits.dataset(count: 64)
    let validation = SyntheticDigits.dataset(count: 32, seed: 2)

    func loader(seed: UInt64 = 3) -> BatchLoader {
        BatchLoader(dataset: training, batchSize: 32, augmentation: .default, seed: seed)
    }

    @Test func learnsASliceOfMNIST() throws {
        let test = try MNISTDataset(split: .test)
        let model = SyntheticDigits.tinyModel()
        let trainer = Trainer(model: model, optimizer: Adam(learningRate: 0.003))
        let history = try trainer.fit(BatchLoader(dataset: test.examples(in: 0..<512), batchSize: 32, augmentation: nil),
                                      validation: .evaluating(test.examples(in: 512..<768)), epochs: 3)
        let loss = history.metrics[MetricName.loss]!
        let accuracy = history.metrics[MetricName.accuracy]!
        #expect(loss[2] < loss[0] && accuracy[2] > accuracy[0], "loss \(loss), accuracy \(accuracy)")
        #expect(accuracy[2] > 0.85 && history.metrics[MetricName.validationAccuracy]![2] > 0.8,
                "accuracy \(accuracy), validation \(history.metrics[MetricName.validationAccuracy]!)")
    }

    @Test func callsCallbacksInOrderWithTheMetricsOfEachEpoch() throws {
        let recorder = Recorder()
        let trainer = Trainer(model: SyntheticDigits.tinyModel(), optimizer: Adam(), callbacks: [recorder])
        let history = try trainer.fit(loader(), validation: .evaluating(validation), epochs: 2)
        let metrics = "accuracy,learning_rate,loss,val_accuracy,val_loss"
        #expect(recorder.events == ["begin", "epoch 1", "batch 1", "batch 2", "end 1 " + metrics,
                                    "epoch 2", "batch 1", "batch 2", "end 2 " + metrics, "done"])
        #expect(history.epochs == [1, 2] && history.metrics[MetricName.learningRate] == [0.001, 0.001])
    }

    @Test func anUnknownMonitorIsAnErrorBeforeTheFirstEpoch() throws {
        let recorder = Recorder()
        let trainer = Trainer(model: SyntheticDigits.tinyModel(), optimizer: Adam(),
                              callbacks: [recorder, EarlyStopping(monitor: MetricName.validationLoss)])
        #expect(throws: TrainingError.unknownMetric("val_loss", available: ["loss", "accuracy", "learning_rate"])) {
            try trainer.fit(loader(), epochs: 2)  // no validation set, so no val_loss
        }
        trainer.callbacks = [recorder, EarlyStopping(monitor: "val_los")]
        #expect(throws: TrainingError.self) { try trainer.fit(loader(), validation: .evaluating(validation), epochs: 2) }
        trainer.callbacks = [recorder, try ModelCheckpoint(path: "/nonexistent/{val_acc}.safetensors")]
        #expect(throws: TrainingError.self) { try trainer.fit(loader(), validation: .evaluating(validation), epochs: 2) }
        #expect(recorder.events.isEmpty)
    }

    @Test func theSameSeedGivesBitIdenticalWeights() throws {
        func train() throws -> [String: Tensor<Float>] {
            let model = SyntheticDigits.tinyModel(seed: 5)
            try Trainer(model: model, optimizer: Adam(), threadCount: 2).fit(loader(seed: 9), epochs: 2)
            return model.state
        }
        let first = try train()
        #expect(ns_thread_count() == 2)
        #expect(try train() == first)
        #expect(first != SyntheticDigits.tinyModel(seed: 5).state)
    }

    @Test func resumingFromACheckpointContinuesExactly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("TrainerTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let continuous = SyntheticDigits.tinyModel()
        let checkpoint = try ModelCheckpoint(path: folder.path + "/mnist-{epoch}.safetensors")
        try Trainer(model: continuous, optimizer: Adam(), callbacks: [checkpoint]).fit(loader(), epochs: 3)

        let resumed = withRandomSeed(99) { Sequential<Float>([Flatten(), Dense(inputSize: 784, outputSize: 10)]) }
        let trainer = Trainer(model: resumed, optimizer: Adam())
        let done = try trainer.restore(from: folder.appendingPathComponent("mnist-1.safetensors"))
        let history = try trainer.fit(loader(), epochs: 3, initialEpoch: done)
        #expect(done == 1 && history.epochs == [2, 3])
        #expect(resumed.state == continuous.state)
    }

    @Test func terminateOnNaNStopsAtTheFirstBadBatch() throws {
        /// Spoils the weights after batch 2 of epoch 2.
        final class Spoiler: TrainingCallback {
            func batchDidEnd(_ batch: Int, metrics: [String: Double], trainer: Trainer) {
                guard trainer.epoch == 2 && batch == 2 else { return }
                for (_, parameter) in trainer.model.namedParameters {
                    parameter.value = Tensor(repeating: .nan, shape: parameter.value.shape)
                }
            }
        }
        let terminate = TerminateOnNaN()
        let trainer = Trainer(model: SyntheticDigits.tinyModel(), optimizer: Adam(),
                              callbacks: [Spoiler(), terminate])
        let history = try trainer.fit(BatchLoader(dataset: training, batchSize: 16, seed: 1), epochs: 5)
        #expect(terminate.stoppedAt?.epoch == 2 && terminate.stoppedAt?.batch == 3)
        #expect(history.epochs == [1])
        #expect(trainer.stopReason?.contains("nan") == true)
    }
}

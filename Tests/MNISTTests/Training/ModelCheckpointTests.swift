import ExampleTestSupport
import Foundation
@testable import MNIST
import NumSight
import Testing

@Suite struct ModelCheckpointTests {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ModelCheckpointTests-\(UUID().uuidString)", isDirectory: true)

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func fillsInTheEpochAndFormattedMetrics() throws {
        let template = try CheckpointPathTemplate("mnist-{epoch:02d}-{val_accuracy:.4f}-{loss}.safetensors")
        #expect(template.path(epoch: 7, metrics: ["val_accuracy": 0.991236, "loss": 0.25])
                    == "mnist-07-0.9912-0.25.safetensors")
        #expect(template.metricNames == ["val_accuracy", "loss"])
        #expect(try CheckpointPathTemplate("mnist-{epoch}.safetensors").path(epoch: 12, metrics: [:])
                    == "mnist-12.safetensors")
    }

    @Test func rejectsMalformedTemplates() {
        #expect(throws: TrainingError.self) { try CheckpointPathTemplate("mnist-{epoch.safetensors") }
        #expect(throws: TrainingError.self) { try CheckpointPathTemplate("mnist-{epoch:x}.safetensors") }
        #expect(throws: TrainingError.self) { try CheckpointPathTemplate("mnist-{}.safetensors") }
    }

    @Test func savesEveryEpochUnderItsTemplatedName() throws {
        let checkpoint = try ModelCheckpoint(path: folder.path + "/mnist-{epoch}.safetensors")
        try CallbackDriver().run(checkpoint, values: [0.5, 0.7, 0.4])
        #expect(try files() == ["mnist-1.safetensors", "mnist-2.safetensors", "mnist-3.safetensors"])
    }

    @Test func savesOnlyImprovementsWhenAskedWithMetadata() throws {
        let driver = CallbackDriver()
        let checkpoint = try ModelCheckpoint(path: folder.path + "/best-{epoch}-{val_loss:.2f}.safetensors",
                                             savesBestOnly: true)
        try driver.run(checkpoint, values: [0.5, 0.7, 0.4, 0.45, 0.3]) { driver.setWeights(to: Float($0)) }
        #expect(try files() == ["best-1-0.50.safetensors", "best-3-0.40.safetensors", "best-5-0.30.safetensors"])

        let model = SyntheticDigits.tinyModel()
        let metadata = try Checkpoint.load(into: model, from: folder.appendingPathComponent("best-3-0.40.safetensors"))
        #expect(metadata["epoch"] == "3")
        #expect(metadata["val_loss"] == "0.4")
        #expect(metadata["seed"] == "0")
        #expect(metadata["architecture"] == "")
        #expect(Set(model.namedParameters.flatMap(\.parameter.value.scalars)) == [3])
    }

    @Test func monitorsAccuracyUpwards() throws {
        let checkpoint = try ModelCheckpoint(path: folder.path + "/best-{epoch}.safetensors",
                                             monitor: MetricName.validationAccuracy, savesBestOnly: true)
        try CallbackDriver().run(checkpoint, monitor: MetricName.validationAccuracy, values: [0.9, 0.95, 0.93])
        #expect(try files() == ["best-1.safetensors", "best-2.safetensors"])
    }
}

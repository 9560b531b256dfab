import ExampleTestSupport
import Foundation
import MNIST
import NumSight
import Testing
@testable import MNISTApp

/// `export` writes IDX files that read back as the stored samples, and one CSV row each.
@Suite struct ExportCommandTests {
    @Test func theSamplesComeBackFromTheIDXFilesWithTheirPredictions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ExportCommandTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FeedbackStore(folder: folder.appendingPathComponent("feedback"))
        let samples = (0..<3).map(FeedbackStoreTests.sample)
        for sample in samples { try store.append(sample) }
        let model = SyntheticDigits.tinyModel()
        let exported = folder.appendingPathComponent("export")
        try ExportCommand.export(try FeedbackStore.read(from: store.folder).dataset, predictedBy: model, to: exported)

        let images = try IDXFile(contentsOf: exported.appendingPathComponent("feedback-images-idx3-ubyte"))
        let labels = try IDXFile(contentsOf: exported.appendingPathComponent("feedback-labels-idx1-ubyte"))
        #expect(images.shape == [3, 28, 28] && images.elementType == .uint8)
        #expect(images.data == samples.flatMap(\.pixels))
        #expect(labels.shape == [3] && labels.data == [0, 1, 2])

        let csv = try String(contentsOf: exported.appendingPathComponent("predictions.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["index", "label", "predicted", "confidence"] + (0...9).map { "p\($0)" })
        #expect(rows.count == 4)
        let probabilities = model.probabilities(
            for: Tensor(samples.flatMap(\.modelInput), shape: [3, 28, 28, 1])).scalars
        for (index, row) in rows.dropFirst().enumerated() {
            let expected = Array(probabilities[(index * 10)..<((index + 1) * 10)])
            let predicted = expected.indices.max { expected[$0] < expected[$1] }!
            #expect(row.count == 14)
            #expect(row[0...2] == ["\(index)", "\(index)", "\(predicted)"])
            #expect(Float(row[3]) == expected[predicted])
            #expect(row[4...].map { Float($0)! } == expected)
        }
    }

    @Test func theDestinationIsRequired() {
        #expect(MNISTCommandLine.run(["export"]) == 2)
        #expect(MNISTCommandLine.run(["export", "--help"]) == 0)
        #expect(MNISTCommandLine.run(["finetune", "--help"]) == 0)
    }
}

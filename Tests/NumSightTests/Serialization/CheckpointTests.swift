import Foundation
import Testing
import NumSight

@Suite struct CheckpointTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func saveThenLoadGivesIdenticalOutputs() throws {
        let url = folder.appendingPathComponent("model.safetensors")
        let original = withRandomSeed(1) { TwoBlockNetwork() }
        let input = Tensor<Float>.ones(shape: [1, 3, 3, 1])
        _ = withTrainingMode { original(input) }  // moves the running statistics away from their defaults
        try Checkpoint.save(original, to: url, metadata: ["epoch": "7"])
        let restored = withRandomSeed(2) { TwoBlockNetwork() }
        let metadata = try Checkpoint.load(into: restored, from: url)
        #expect(restored(input) == original(input))
        #expect(metadata["epoch"] == "7" && metadata["format"] == "numsight-checkpoint" && metadata["formatVersion"] == "1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["model.safetensors"])
    }

    @Test func optimizerStateTravelsWithTheModel() throws {
        let url = folder.appendingPathComponent("with-optimizer.safetensors")
        let model = ScalarModel()
        let optimizer = Adam<Double>(learningRate: 0.1)
        optimizer.update(model, along: ["weight": Tensor([1])])
        try Checkpoint.save(model, optimizer: optimizer, to: url)
        let restoredModel = ScalarModel()
        let restoredOptimizer = Adam<Double>(learningRate: 0.1)
        try Checkpoint.load(into: restoredModel, optimizer: restoredOptimizer, from: url)
        optimizer.update(model, along: ["weight": Tensor([-2])])
        restoredOptimizer.update(restoredModel, along: ["weight": Tensor([-2])])
        #expect(restoredModel.weight.value == model.weight.value)
    }

    @Test func aCheckpointOfAnotherModelIsRefusedAndChangesNothing() throws {
        let url = folder.appendingPathComponent("dense.safetensors")
        try Checkpoint.save(Dense<Float>(inputSize: 2, outputSize: 3), to: url)
        let wider = Dense<Float>(inputSize: 2, outputSize: 4)
        let before = wider.state
        #expect(throws: LayerStateError.shapeMismatch(name: "weight", expected: [2, 4], found: [2, 3])) {
            try Checkpoint.load(into: wider, from: url)
        }
        #expect(wider.state == before)
        #expect(throws: LayerStateError.unexpected(name: "bias")) {
            try Checkpoint.load(into: ScalarModel(), from: url)
        }
        #expect(throws: LayerStateError.missing(name: "bias")) {
            try Checkpoint.load(into: Dense<Float>(inputSize: 2, outputSize: 3), from: url.deletingLastPathComponent()
                .appendingPathComponent("weight-only.safetensors").saving(Dense<Float>(inputSize: 2, outputSize: 3, useBias: false)))
        }
    }

    @Test func anUnexpectedTensorIsReported() {
        let model = ScalarModel()
        #expect(throws: LayerStateError.unexpected(name: "extra")) {
            try model.load(state: ["weight": Tensor([1]), "extra": Tensor([2])])
        }
    }

    @Test func aTruncatedFileIsATypedErrorNotATrap() throws {
        let url = folder.appendingPathComponent("truncated.safetensors")
        try Checkpoint.save(Dense<Float>(inputSize: 4, outputSize: 4), to: url)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 5).write(to: url)
        #expect(throws: SafeTensorsError.self) { try Checkpoint.load(into: Dense<Float>(inputSize: 4, outputSize: 4), from: url) }
    }
}

extension URL {
    /// Saves `model` here and returns this URL.
    func saving<Model: Layer>(_ model: Model) throws -> URL {
        try Checkpoint.save(model, to: self)
        return self
    }
}

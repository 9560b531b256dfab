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

    @Test func aCheckpointOfAnotherModelIsRefusedWithEveryMismatchAndChangesNothing() throws {
        final class Wide: Layer {
            let dense = Dense<Float>(inputSize: 2, outputSize: 4)
            let head = Dense<Float>(inputSize: 4, outputSize: 1)
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { head(dense(input)) }
        }
        final class Narrow: Layer {
            let dense = Dense<Float>(inputSize: 2, outputSize: 3)
            let extra = Dense<Float>(inputSize: 3, outputSize: 3)
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { extra(dense(input)) }
        }
        let url = try folder.appendingPathComponent("narrow.safetensors").saving(Narrow())
        let wide = Wide()
        let before = wide.state
        let expected = StateMismatch(
            missing: ["head.bias", "head.weight"], unexpected: ["extra.bias", "extra.weight"],
            mismatchedShapes: [.init(name: "dense.bias", expected: [4], found: [3]),
                               .init(name: "dense.weight", expected: [2, 4], found: [2, 3])])
        #expect(throws: expected) { try Checkpoint.load(into: wide, from: url) }
        #expect(wide.state == before)
        #expect(expected.description.contains("missing from the saved state: head.bias, head.weight"))
    }

    @Test func nonStrictLoadingLoadsWhatMatchesAndReturnsTheRest() throws {
        final class Backbone: Layer {
            let dense = Dense<Float>(inputSize: 2, outputSize: 3)
            let head = Dense<Float>(inputSize: 3, outputSize: 1)
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { head(dense(input)) }
        }
        final class Retargeted: Layer {
            let dense = Dense<Float>(inputSize: 2, outputSize: 3)
            let head = Dense<Float>(inputSize: 3, outputSize: 5)
            func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> { head(dense(input)) }
        }
        let source = withRandomSeed(1) { Backbone() }
        let url = try folder.appendingPathComponent("backbone.safetensors").saving(source)
        let target = withRandomSeed(2) { Retargeted() }
        let head = target.head.weight.value
        let (_, mismatch) = try Checkpoint.loadMatching(into: target, from: url)
        #expect(mismatch == StateMismatch(mismatchedShapes: [.init(name: "head.bias", expected: [5], found: [1]),
                                                             .init(name: "head.weight", expected: [3, 5], found: [3, 1])]))
        #expect(target.dense.weight.value == source.dense.weight.value)
        #expect(target.head.weight.value == head)
    }

    @Test func nonFiniteWeightsAreRefusedUnlessAccepted() throws {
        let diverged = ScalarModel()
        diverged.weight.value = Tensor([.nan])
        let url = try folder.appendingPathComponent("diverged.safetensors").saving(diverged)
        let model = ScalarModel()
        #expect(throws: StateMismatch(invalidValues: ["weight"])) { try Checkpoint.load(into: model, from: url) }
        #expect(model.weight.value.scalar == 1)
        try Checkpoint.load(into: model, from: url, acceptingNonFiniteValues: true)
        #expect(model.weight.value.scalar.isNaN)
    }

    @Test func aDamagedOptimizerStateIsAThrownErrorAndChangesNothing() throws {
        let url = folder.appendingPathComponent("damaged-optimizer.safetensors")
        let model = ScalarModel()
        let optimizer = Adam<Double>(learningRate: 0.1)
        optimizer.update(model, along: ["weight": Tensor([1])])
        var tensors = model.state
        for (name, tensor) in optimizer.state { tensors["optimizer/" + name] = tensor }
        tensors["optimizer/step"] = Tensor(Double.nan)
        tensors["optimizer/weight/firstMoment"] = Tensor([1, 2, 3])
        var entries: [String: SafeTensorsEntry] = [:]
        for (name, tensor) in tensors { entries[name] = try SafeTensorsEntry(scalars: tensor.scalars, shape: tensor.shape) }
        try SafeTensorsFile(entries: entries, metadata: [:]).write(to: url)
        let restoredModel = ScalarModel()
        restoredModel.weight.value = Tensor([5])
        let restored = Adam<Double>(learningRate: 0.1)
        let expected = StateMismatch(mismatchedShapes: [.init(name: "weight/firstMoment", expected: [1], found: [3])],
                                     invalidValues: ["step"])
        #expect(throws: expected) { try Checkpoint.load(into: restoredModel, optimizer: restored, from: url) }
        #expect(restoredModel.weight.value.scalar == 5 && restored.step == 0)
    }

    @Test func anUnexpectedTensorIsReported() {
        let model = ScalarModel()
        #expect(throws: StateMismatch(unexpected: ["extra"])) {
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

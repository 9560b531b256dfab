import Foundation

/// Saving and restoring a model (its parameters and buffers, by dotted name) and,
/// optionally, its optimiser, as a safetensors file that Python's `safetensors`,
/// NumPy, PyTorch and MLX can read.
///
/// Optimiser tensors are stored under `optimizer/` (`optimizer/step`,
/// `optimizer/conv1.weight/firstMoment`). The metadata always holds `format`
/// (`numsight-checkpoint`) and `formatVersion` (`1`), plus what the caller adds.
/// Writes are atomic: a crash never leaves a damaged file in place of a good one.
///
/// ```swift
/// try Checkpoint.save(model, optimizer: optimizer, to: url, metadata: ["epoch": "3"])
/// let metadata = try Checkpoint.load(into: model, optimizer: optimizer, from: url)
/// ```
public enum Checkpoint {
    static let optimizerPrefix = "optimizer/"

    /// Writes `model`'s state (and `optimizer`'s, when given) to `url`.
    public static func save<Model: Layer>(
        _ model: Model, optimizer: Optimizer<Model.Scalar>? = nil, to url: URL, metadata: [String: String] = [:]
    ) throws {
        var tensors = model.state
        for (name, tensor) in optimizer?.state ?? [:] { tensors[optimizerPrefix + name] = tensor }
        var entries: [String: SafeTensorsEntry] = [:]
        for (name, tensor) in tensors { entries[name] = try entry(for: tensor) }
        let allMetadata = metadata.merging(["format": "numsight-checkpoint", "formatVersion": "1"]) { _, fixed in fixed }
        try SafeTensorsFile(entries: entries, metadata: allMetadata).write(to: url)
    }

    /// Replaces `model`'s state (and `optimizer`'s, when given) with the tensors
    /// in `url`, converted to the model's scalar type, and returns the metadata.
    ///
    /// - Throws: ``SafeTensorsError`` for a damaged file, ``LayerStateError`` when
    ///   names or shapes do not match the model; nothing is changed then.
    @discardableResult
    public static func load<Model: Layer>(
        into model: Model, optimizer: Optimizer<Model.Scalar>? = nil, from url: URL
    ) throws -> [String: String] {
        let file = try SafeTensorsFile(contentsOf: url)
        var modelState: [String: Tensor<Model.Scalar>] = [:]
        var optimizerState: [String: Tensor<Model.Scalar>] = [:]
        for (name, entry) in file.entries {
            let tensor = Tensor(try entry.scalars(as: Model.Scalar.self), shape: entry.shape)
            if name.hasPrefix(optimizerPrefix) {
                optimizerState[String(name.dropFirst(optimizerPrefix.count))] = tensor
            } else {
                modelState[name] = tensor
            }
        }
        let previous = model.state
        try model.load(state: modelState)
        do {
            try optimizer?.load(state: optimizerState)
        } catch {
            try model.load(state: previous)
            throw error
        }
        return file.metadata
    }

    private static func entry<Scalar: TensorScalar>(for tensor: Tensor<Scalar>) throws -> SafeTensorsEntry {
        if let floats = tensor.scalars as? [Float] { return try SafeTensorsEntry(scalars: floats, shape: tensor.shape) }
        return try SafeTensorsEntry(scalars: tensor.scalars.map { Double($0) }, shape: tensor.shape)
    }
}

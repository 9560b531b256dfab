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
        _ model: Model, optimizer: (any Optimizer<Model.Scalar>)? = nil, to url: URL, metadata: [String: String] = [:]
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
    /// - Parameters:
    ///   - model: The layer whose parameters and buffers are replaced.
    ///   - optimizer: An optimiser whose state is replaced too, when given.
    ///   - url: The checkpoint file.
    ///   - acceptingNonFiniteValues: Load weights holding NaN or infinities
    ///     (refused by default).
    /// - Throws: ``SafeTensorsError`` for a damaged file; ``StateMismatch`` listing
    ///   every missing, unexpected and mis-shaped tensor of the model (or of the
    ///   optimiser's state: names, lengths, a finite step) and every non-finite one.
    ///   Nothing is changed then.
    @discardableResult
    public static func load<Model: Layer>(
        into model: Model, optimizer: (any Optimizer<Model.Scalar>)? = nil, from url: URL,
        acceptingNonFiniteValues: Bool = false
    ) throws -> [String: String] {
        let (metadata, modelState, optimizerState) = try contents(of: url, as: Model.Scalar.self)
        let previous = model.state
        try model.load(state: modelState, acceptingNonFiniteValues: acceptingNonFiniteValues)
        do {
            try optimizer?.load(state: optimizerState, for: model)
        } catch {
            try model.load(state: previous, acceptingNonFiniteValues: true)
            throw error
        }
        return metadata
    }

    /// Loads the model tensors in `url` whose names and shapes match `model` (and
    /// whose values are finite, unless `acceptingNonFiniteValues`), leaves the rest
    /// of the model as it is, and returns the metadata and what did not match:
    /// for fine-tuning from a checkpoint of a slightly different model. Optimiser
    /// state in the file is ignored.
    ///
    /// ```swift
    /// let (_, skipped) = try Checkpoint.loadMatching(into: model, from: url)
    /// print(skipped.missing)   // the new head's parameters, left as initialised
    /// ```
    public static func loadMatching<Model: Layer>(
        into model: Model, from url: URL, acceptingNonFiniteValues: Bool = false
    ) throws -> (metadata: [String: String], mismatch: StateMismatch) {
        let (metadata, modelState, _) = try contents(of: url, as: Model.Scalar.self)
        return (metadata, model.loadMatching(state: modelState, acceptingNonFiniteValues: acceptingNonFiniteValues))
    }

    /// The metadata, model tensors and optimiser tensors of the file at `url`.
    private static func contents<Scalar: TensorScalar>(of url: URL, as type: Scalar.Type) throws
        -> (metadata: [String: String], model: [String: Tensor<Scalar>], optimizer: [String: Tensor<Scalar>]) {
        let file = try SafeTensorsFile(contentsOf: url)
        var modelState: [String: Tensor<Scalar>] = [:]
        var optimizerState: [String: Tensor<Scalar>] = [:]
        for (name, entry) in file.entries {
            let tensor = Tensor(try entry.scalars(as: Scalar.self), shape: entry.shape)
            if name.hasPrefix(optimizerPrefix) {
                optimizerState[String(name.dropFirst(optimizerPrefix.count))] = tensor
            } else {
                modelState[name] = tensor
            }
        }
        return (file.metadata, modelState, optimizerState)
    }

    private static func entry<Scalar: TensorScalar>(for tensor: Tensor<Scalar>) throws -> SafeTensorsEntry {
        if let floats = tensor.scalars as? [Float] { return try SafeTensorsEntry(scalars: floats, shape: tensor.shape) }
        return try SafeTensorsEntry(scalars: tensor.scalars.map { Double($0) }, shape: tensor.shape)
    }
}

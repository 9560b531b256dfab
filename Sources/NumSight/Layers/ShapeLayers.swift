/// Flattens all but the batch axis: `[batch, …]` → `[batch, product of the rest]`.
public final class Flatten<Scalar: TensorScalar>: Layer {
    /// Creates the layer; it has no parameters.
    public init() {}

    /// Reshapes `input` to `[batch, product of the other axes]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        input.reshaped(to: [input.shape.first ?? 1, -1])
    }
}

/// Reshapes every example: `[batch, …]` → `[batch] + shape` (one entry may be -1).
public final class Reshape<Scalar: TensorScalar>: Layer {
    /// The shape of each example, without the batch axis; one entry may be -1.
    public let shape: [Int]

    /// Creates a layer that reshapes each example to `shape` (one entry may be -1).
    public init(shape: [Int]) { self.shape = shape }

    /// Reshapes `input` to `[batch] + shape`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        input.reshaped(to: [input.shape.first ?? 1] + shape)
    }
}

/// Looks up a learned vector per integer token.
///
/// - Input: token indices in `0..<vocabularySize`, stored as scalars, any shape.
/// - Output: the input's shape plus `[embeddingSize]`.
/// - Parameters: `weight` `[vocabularySize, embeddingSize]`, U(−0.05, 0.05) as in Keras.
public final class Embedding<Scalar: TensorScalar>: Layer {
    /// The embedding vectors, one row per token: `[vocabularySize, embeddingSize]`.
    public let weight: Parameter<Scalar>

    /// Creates an embedding table.
    ///
    /// - Parameters:
    ///   - vocabularySize: The number of tokens, indices `0..<vocabularySize`.
    ///   - embeddingSize: The length of each token's vector.
    ///   - initializer: How the vectors start, U(−0.05, 0.05) by default.
    public init(vocabularySize: Int, embeddingSize: Int,
                initializer: Initializer = .uniform(lowerBound: -0.05, upperBound: 0.05)) {
        weight = Parameter(initializer.tensor(shape: [vocabularySize, embeddingSize]))
    }

    /// The rows of ``weight`` for the tokens in `input`: shape `input.shape + [embeddingSize]`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        let rows = weight.value.gathering(atIndices: input.scalars.map { Int($0) }, alongAxis: 0)
        return rows.reshaped(to: input.shape + [weight.value.shape[1]])
    }
}

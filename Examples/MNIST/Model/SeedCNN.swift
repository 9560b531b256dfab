import NumSight

/// The seed convolutional network for MNIST, layer for layer the Keras original:
///
///     Conv2D(1→32, 3×3, same) → BatchNorm → ReLU → MaxPool 2×2      [28, 28, 32] → [14, 14, 32]
///     Conv2D(32→64, 3×3, same) → BatchNorm → ReLU → MaxPool 2×2     [14, 14, 64] → [7, 7, 64]
///     Conv2D(64→96, 3×3, same) → BatchNorm → ReLU                   [7, 7, 96]
///     Flatten → Dropout(0.5) → Dense(4704→128, ReLU) → Dropout(0.3) → Dense(128→10)
///
/// The output is logits; ``Layer/probabilities(for:batchSize:)`` applies the softmax.
/// 678,506 parameters, of which 678,122 are trainable (the rest are the batch
/// normalisation running statistics).
///
/// - Input: `[batch, 28, 28, 1]`, pixels scaled to [0, 1].
/// - Output: `[batch, 10]` logits.
///
/// ```swift
/// let model = withRandomSeed(42) { SeedCNN.makeModel() }
/// print(model.summary(inputShape: [1] + SeedCNN.inputShape))
/// ```
public enum SeedCNN {
    /// The name stored in checkpoint metadata (`architecture`).
    public static let architectureName = "mnist-seed-cnn"
    /// The shape of one example: `[height, width, channels]`.
    public static let inputShape = [MNISTDataset.imageSide, MNISTDataset.imageSide, 1]

    /// A freshly initialised model; wrap in ``withRandomSeed(_:_:)`` for reproducible weights.
    public static func makeModel() -> Sequential<Float> {
        makeModel(scalarType: Float.self)
    }

    /// The same network in another scalar type, such as `Double` for finite-difference checks.
    public static func makeModel<Scalar: TensorScalar>(scalarType: Scalar.Type) -> Sequential<Scalar> {
        Sequential<Scalar>([
            Conv2D(inputChannels: 1, outputChannels: 32, kernelSize: (3, 3), padding: .same),
            BatchNorm(featureCount: 32),
            Activation.relu,
            MaxPool2D(window: (2, 2)),
            Conv2D(inputChannels: 32, outputChannels: 64, kernelSize: (3, 3), padding: .same),
            BatchNorm(featureCount: 64),
            Activation.relu,
            MaxPool2D(window: (2, 2)),
            Conv2D(inputChannels: 64, outputChannels: 96, kernelSize: (3, 3), padding: .same),
            BatchNorm(featureCount: 96),
            Activation.relu,
            Flatten(),
            Dropout(rate: 0.5),
            Dense(inputSize: 7 * 7 * 96, outputSize: 128, activation: relu),
            Dropout(rate: 0.3),
            Dense(inputSize: 128, outputSize: MNISTDataset.classCount),
        ])
    }
}

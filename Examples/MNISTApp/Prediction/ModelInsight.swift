import MNIST
import NumSight

/// What the network computes on the way to its answer, for teaching: every layer's
/// feature maps, the first convolution's learned filters, and a saliency map.
///
/// - Feature maps: the output of each layer of the `Sequential`, run one layer at a time
///   in inference mode, as `[height, width, channels]`; a dense layer's output is
///   `[1, 1, units]`. Flatten and Dropout (the identity in inference) show nothing new
///   and are left out. Names count each kind: `conv1`, `norm1`, `relu1`, `pool1`, …,
///   `dense1`, `dense2` (the logits); ``FeatureMap/layerIndex`` is the position in
///   `layers`, as in the checkpoint's names (`layers.0.weight`).
/// - Filters: the first `Conv2D`'s weight, `[kernelHeight, kernelWidth, 1, filters]`
///   (`[3, 3, 1, 32]` for the seed CNN).
/// - Saliency: ∂ logit[digit] / ∂ pixel for the 784 input pixels, where `digit` is the
///   top class: which pixels, made inkier, would raise (positive) or lower (negative) the
///   winning score. Computed by the tape with ``valueWithGradient(at:of:)`` on the input
///   alone, in inference mode, so no parameter's gradient is touched.
///
/// ```swift
/// let insight = ModelInsight(model: model, modelInput: recognition.modelInput)
/// insight.featureMaps[3].shape   // [14, 14, 32]: pool1
/// insight.saliency.count         // 784
/// ```
public struct ModelInsight: Sendable {
    /// One layer's output for the input.
    public struct FeatureMap: Sendable, Equatable {
        /// `conv1`, `norm1`, `relu1`, `pool1`, …, `dense2`.
        public let name: String
        /// The layer's position in the model's `layers`.
        public let layerIndex: Int
        /// `[height, width, channels]`; `[1, 1, units]` after a dense layer.
        public let shape: [Int]
        /// Row-major in `shape`: channels vary fastest (HWC).
        public let values: [Float]
    }

    /// The 28×28 input, row-major, in [0, 1].
    public let modelInput: [Float]
    /// Each layer's output, in order; the last is the logits.
    public let featureMaps: [FeatureMap]
    /// The first convolution's weight, `[kernelHeight, kernelWidth, 1, filters]`.
    public let filters: Tensor<Float>
    /// The class with the largest logit.
    public let digit: Int
    /// ∂ logit[digit] / ∂ input, 784 values row-major.
    public let saliency: [Float]

    /// The logits, the last feature map's values.
    public var logits: [Float] { featureMaps.last?.values ?? [] }

    /// Looks inside `model` (the seed CNN's shape: `[1, 28, 28, 1]` → `[1, 10]` logits) for one input.
    ///
    /// - Parameter modelInput: 784 values in [0, 1], row-major, as ``Recognition/modelInput``.
    public init(model: Sequential<Float>, modelInput: [Float]) {
        precondition(modelInput.count == MNISTDataset.pixelsPerImage, "ModelInsight: \(modelInput.count) pixels, not 784")
        let image = Tensor(modelInput, shape: [1] + SeedCNN.inputShape)
        let maps = Self.featureMaps(of: model, for: image)
        let logits = maps.last!.output.scalars
        let digit = logits.indices.max { logits[$0] < logits[$1] }!
        guard let firstConvolution = model.layers.lazy.compactMap({ $0 as? Conv2D<Float> }).first else {
            preconditionFailure("ModelInsight: the model has no Conv2D layer")
        }
        self.modelInput = modelInput
        featureMaps = maps.map { map in
            let shape = map.output.shape.dropFirst()
            return FeatureMap(name: map.name, layerIndex: map.layerIndex,
                              shape: shape.count == 1 ? [1, 1, shape[1]] : Array(shape), values: map.output.scalars)
        }
        filters = firstConvolution.weight.value.detached()
        self.digit = digit
        saliency = Self.saliency(of: model, for: image, class: digit).gradient.scalars
    }

    /// The output of each layer of `model` but Flatten and Dropout, for `image` (`[1, …]`), named as above.
    static func featureMaps<Scalar>(of model: Sequential<Scalar>, for image: Tensor<Scalar>)
        -> [(name: String, layerIndex: Int, output: Tensor<Scalar>)]
    {
        var counts: [String: Int] = [:]
        var maps: [(name: String, layerIndex: Int, output: Tensor<Scalar>)] = []
        var activation = image
        withInferenceMode {
            withoutGradients {
                for (index, layer) in model.layers.enumerated() {
                    activation = layer(activation)
                    guard let kind = kind(of: layer) else { continue }
                    counts[kind, default: 0] += 1
                    maps.append(("\(kind)\(counts[kind]!)", index, activation))
                }
            }
        }
        return maps
    }

    /// `conv`, `norm`, `pool`, `dense`, or the activation's name; `nil` for layers that only
    /// reshape or pass on their input in inference.
    private static func kind<Scalar: TensorScalar>(of layer: any Layer<Scalar>) -> String? {
        switch layer {
        case is Conv2D<Scalar>: "conv"
        case is BatchNorm<Scalar>: "norm"
        case is MaxPool2D<Scalar>: "pool"
        case is Dense<Scalar>: "dense"
        case let activation as Activation<Scalar>: activation.name
        default: nil
        }
    }

    /// logit[`class`] of `model` at `image` and its gradient with respect to `image`, in
    /// inference mode. The functional API differentiates with respect to the input only:
    /// parameters' ``Tensor/gradient`` stays as it was; outside recording, the gradient
    /// itself is not recorded (it would be, to train through it, since the parameters record).
    static func saliency<Scalar>(of model: Sequential<Scalar>, for image: Tensor<Scalar>, class target: Int)
        -> (logit: Scalar, gradient: Tensor<Scalar>)
    {
        withInferenceMode {
            let (logit, gradient) = withoutGradients { valueWithGradient(at: image) { image in
                let logits = model(image)
                var oneHot = [Scalar](repeating: 0, count: logits.elementCount)
                oneHot[target] = 1
                return (logits * Tensor(oneHot, shape: logits.shape)).sum()
            } }
            return (logit.scalar, gradient)
        }
    }
}

/// A building block of a model: it holds parameters (and possibly other layers)
/// and maps an input tensor to an output tensor.
///
/// Parameters, buffers and nested layers are found automatically from stored
/// properties (see ``Layer/namedParameters``), named by their property paths
/// (`conv1.weight`, `block2.norm.runningMean`); gradients come from the ops that
/// `callAsFunction(_:)` calls.
///
/// ```swift
/// final class TwoLayerNetwork: Layer {
///     let hidden = Dense<Float>(inputSize: 784, outputSize: 128, activation: relu)
///     let output = Dense<Float>(inputSize: 128, outputSize: 10)
///     func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> { output(hidden(x)) }
/// }
/// ```
public protocol Layer<Scalar>: AnyObject {
    /// The scalar type of the layer's parameters, inputs and outputs.
    associatedtype Scalar: TensorScalar
    /// The output for `input`.
    func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar>
}

/// A learned tensor of a layer. Trainable parameters record gradients; a frozen
/// one (``isTrainable`` false) is left alone by optimisers.
public final class Parameter<Scalar: TensorScalar> {
    /// The current value; assigning it starts a fresh gradient leaf. Inside
    /// ``Layer/withParameters(_:_:)`` it reads the replacement.
    public var value: Tensor<Scalar> {
        get { ParameterSubstitution.value(for: self) ?? storedValue }
        set { storedValue = newValue.detached(); storedValue.requiresGradient = isTrainable }
    }

    private var storedValue: Tensor<Scalar>

    /// Whether optimisers update this parameter.
    public var isTrainable: Bool {
        didSet { storedValue.requiresGradient = isTrainable }
    }

    /// Creates a trainable parameter holding `value`.
    public init(_ value: Tensor<Scalar>, isTrainable: Bool = true) {
        storedValue = value.detached()
        self.isTrainable = isTrainable
        storedValue.requiresGradient = isTrainable
    }
}

/// State a layer keeps that is not learned by gradients, such as batch
/// normalisation's running statistics. Saved in checkpoints beside parameters.
public final class Buffer<Scalar: TensorScalar> {
    /// The current value.
    public var value: Tensor<Scalar>

    /// Creates a buffer holding `value`.
    public init(_ value: Tensor<Scalar>) {
        self.value = value.detached()
    }
}

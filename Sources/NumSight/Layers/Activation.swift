/// A named activation function as a layer, for ``Sequential`` models and summaries.
///
/// ```swift
/// Sequential<Float>([Dense(inputSize: 4, outputSize: 8), Activation.relu, Dense(inputSize: 8, outputSize: 1)])
/// ```
public final class Activation<Scalar: TensorScalar>: Layer {
    /// The name shown in summaries, such as `relu` in `Activation(relu)`.
    public let name: String
    /// The function applied to the input, usually elementwise.
    public let function: (Tensor<Scalar>) -> Tensor<Scalar>

    /// Creates a layer that applies `function` and is shown as `name`.
    ///
    /// - Parameters:
    ///   - name: The name shown in summaries.
    ///   - function: The function to apply, such as ``relu(_:)``.
    public init(name: String, _ function: @escaping (Tensor<Scalar>) -> Tensor<Scalar>) {
        self.name = name
        self.function = function
        isReLU = false
    }

    /// Whether ``function`` is ``relu(_:)`` (the layer is ``relu``), which ``Sequential``
    /// fuses into a preceding ``BatchNorm``.
    let isReLU: Bool

    private init(reluNamed name: String) {
        self.name = name
        function = { NumSight.relu($0) }
        isReLU = true
    }

    /// Applies ``function`` to `input`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> { function(input) }

    /// ``relu(_:)`` as a layer: max(x, 0).
    public static var relu: Activation { Activation(reluNamed: "relu") }
    /// ``sigmoid(_:)`` as a layer: 1 / (1 + e^−x).
    public static var sigmoid: Activation { Activation(name: "sigmoid") { NumSight.sigmoid($0) } }
    /// ``tanh(_:)`` as a layer.
    public static var tanh: Activation { Activation(name: "tanh") { NumSight.tanh($0) } }
    /// ``gelu(_:)`` as a layer: x · Φ(x).
    public static var gelu: Activation { Activation(name: "gelu") { NumSight.gelu($0) } }
    /// ``swish(_:)`` as a layer: x · sigmoid(x).
    public static var swish: Activation { Activation(name: "swish") { NumSight.swish($0) } }
    /// ``softplus(_:)`` as a layer: log(1 + eˣ).
    public static var softplus: Activation { Activation(name: "softplus") { NumSight.softplus($0) } }
    /// ``elu(_:alpha:)`` as a layer, with alpha 1.
    public static var elu: Activation { Activation(name: "elu") { NumSight.elu($0) } }
    /// Softmax over the last axis.
    public static var softmax: Activation { Activation(name: "softmax") { NumSight.softmax($0) } }
    /// ``leakyRelu(_:slope:)`` as a layer: x for x > 0, `slope` · x otherwise.
    ///
    /// - Parameter slope: The gradient for negative inputs (Keras' default 0.3).
    @_specialize(where Scalar == Float)
    public static func leakyRelu(slope: Scalar = 0.3) -> Activation {
        Activation(name: "leakyRelu") { NumSight.leakyRelu($0, slope: slope) }
    }
}

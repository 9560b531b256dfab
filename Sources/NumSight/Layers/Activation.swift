/// A named activation function as a layer, for ``Sequential`` models and summaries.
///
/// ```swift
/// Sequential<Float>([Dense(inputSize: 4, outputSize: 8), Activation.relu, Dense(inputSize: 8, outputSize: 1)])
/// ```
public final class Activation<Scalar: TensorScalar>: Layer {
    public let name: String
    public let function: (Tensor<Scalar>) -> Tensor<Scalar>

    public init(name: String, _ function: @escaping (Tensor<Scalar>) -> Tensor<Scalar>) {
        self.name = name
        self.function = function
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> { function(input) }

    public static var relu: Activation { Activation(name: "relu") { NumSight.relu($0) } }
    public static var sigmoid: Activation { Activation(name: "sigmoid") { NumSight.sigmoid($0) } }
    public static var tanh: Activation { Activation(name: "tanh") { NumSight.tanh($0) } }
    public static var gelu: Activation { Activation(name: "gelu") { NumSight.gelu($0) } }
    public static var swish: Activation { Activation(name: "swish") { NumSight.swish($0) } }
    public static var softplus: Activation { Activation(name: "softplus") { NumSight.softplus($0) } }
    public static var elu: Activation { Activation(name: "elu") { NumSight.elu($0) } }
    /// Softmax over the last axis.
    public static var softmax: Activation { Activation(name: "softmax") { NumSight.softmax($0) } }
    @_specialize(where Scalar == Float)
    public static func leakyRelu(slope: Scalar = 0.3) -> Activation {
        Activation(name: "leakyRelu") { NumSight.leakyRelu($0, slope: slope) }
    }
}

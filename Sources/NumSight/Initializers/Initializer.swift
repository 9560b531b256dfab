/// How a layer fills a parameter when it is created. Random initialisers draw
/// from the generator of the current ``withRandomSeed(_:_:)`` scope.
///
/// Fans follow Keras: for a `[inputs, outputs]` matrix fanIn = inputs and fanOut =
/// outputs; for an HWIO filter both are multiplied by the kernel's area.
public enum Initializer: Sendable, Hashable {
    /// U(−l, l) with l = √(6 / (fanIn + fanOut)) (Glorot & Bengio, 2010). Keras' default for kernels.
    case glorotUniform
    /// A normal with σ = √(2 / (fanIn + fanOut)), truncated at 2σ (Keras' form).
    case glorotNormal
    /// U(−l, l) with l = √(6 / fanIn) (He et al., 2015).
    case heUniform
    /// A normal with σ = √(2 / fanIn), truncated at 2σ.
    case heNormal
    /// A normal with σ = √(1 / fanIn), truncated at 2σ (LeCun et al., 1998).
    case lecunNormal
    /// U(lowerBound, upperBound). Keras' default for embeddings is U(−0.05, 0.05).
    case uniform(lowerBound: Double, upperBound: Double)
    /// All zeros. Keras' default for biases.
    case zeros
    /// All ones.
    case ones
    /// Every element equal to the value.
    case constant(Double)

    /// A tensor of `shape` filled by this initialiser.
    public func tensor<Scalar: TensorScalar>(shape: [Int]) -> Tensor<Scalar> {
        let (fanIn, fanOut) = Self.fans(of: shape)
        switch self {
        case .glorotUniform: return uniform(limit: (6 / Double(fanIn + fanOut)).squareRoot(), shape: shape)
        case .glorotNormal: return truncatedNormal(deviation: (2 / Double(fanIn + fanOut)).squareRoot(), shape: shape)
        case .heUniform: return uniform(limit: (6 / Double(fanIn)).squareRoot(), shape: shape)
        case .heNormal: return truncatedNormal(deviation: (2 / Double(fanIn)).squareRoot(), shape: shape)
        case .lecunNormal: return truncatedNormal(deviation: (1 / Double(fanIn)).squareRoot(), shape: shape)
        case let .uniform(lowerBound, upperBound):
            return RandomSeedScope.draw { generator in
                .randomUniform(shape: shape, in: Scalar(lowerBound)..<Scalar(upperBound), using: &generator)
            }
        case .zeros: return .zeros(shape: shape)
        case .ones: return .ones(shape: shape)
        case let .constant(value): return Tensor(repeating: Scalar(value), shape: shape)
        }
    }

    static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        default:
            let receptiveField = shape.dropLast(2).reduce(1, *)
            return (Swift.max(1, shape[shape.count - 2] * receptiveField),
                    Swift.max(1, shape[shape.count - 1] * receptiveField))
        }
    }

    private func uniform<Scalar: TensorScalar>(limit: Double, shape: [Int]) -> Tensor<Scalar> {
        RandomSeedScope.draw { generator in
            Tensor(shape: shape, scalars: (0..<shape.elementCount).map { _ in
                Scalar(limit * (2 * generator.nextUnitInterval() - 1))
            }, node: nil)
        }
    }

    /// Samples beyond 2σ are drawn again; the deviation is divided by 0.8796…, the
    /// standard deviation of a unit normal truncated at ±2, so the result has σ = `deviation`.
    private func truncatedNormal<Scalar: TensorScalar>(deviation: Double, shape: [Int]) -> Tensor<Scalar> {
        let scale = deviation / 0.87962566103423978
        return RandomSeedScope.draw { generator in
            Tensor(shape: shape, scalars: (0..<shape.elementCount).map { _ in
                var sample = generator.nextStandardNormal()
                while Swift.abs(sample) > 2 { sample = generator.nextStandardNormal() }
                return Scalar(scale * sample)
            }, node: nil)
        }
    }
}

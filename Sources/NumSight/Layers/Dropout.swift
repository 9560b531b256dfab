/// Inverted dropout in training mode, the identity in inference mode; see
/// ``dropout(_:rate:using:)``. Its generator is seeded from the current
/// ``withRandomSeed(_:_:)`` scope when the layer is created.
public final class Dropout<Scalar: TensorScalar>: Layer {
    public let rate: Double
    private var generator: SeededRandomNumberGenerator

    public init(rate: Double) {
        precondition((0..<1).contains(rate), "Dropout: rate \(rate) is outside [0, 1)")
        self.rate = rate
        generator = SeededRandomNumberGenerator(seed: RandomSeedScope.draw { $0.next() })
    }

    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        LearningPhase.isTraining ? dropout(input, rate: rate, using: &generator) : input
    }
}

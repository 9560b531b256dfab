/// Inverted dropout in training mode, the identity in inference mode; see
/// ``dropout(_:rate:using:)``. Its generator is seeded from the current
/// ``withRandomSeed(_:_:)`` scope when the layer is created.
public final class Dropout<Scalar: TensorScalar>: Layer {
    /// The probability that an element is zeroed in training, in [0, 1).
    public let rate: Double
    private var generator: SeededRandomNumberGenerator

    /// Creates a dropout layer that zeroes each element with probability `rate` in training.
    ///
    /// - Parameter rate: The drop probability, in [0, 1).
    public init(rate: Double) {
        require((0..<1).contains(rate), "Dropout: rate \(rate) is outside [0, 1)")
        self.rate = rate
        generator = SeededRandomNumberGenerator(seed: RandomSeedScope.draw { $0.next() })
    }

    /// In training mode, zeroes elements of `input` with probability ``rate`` and
    /// scales the rest by 1 / (1 − rate); in inference mode, returns `input`.
    @_specialize(where Scalar == Float)
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        LearningPhase.isTraining ? dropout(input, rate: rate, using: &generator) : input
    }
}

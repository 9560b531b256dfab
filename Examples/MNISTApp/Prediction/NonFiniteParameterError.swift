import Foundation

/// A checkpoint whose parameters hold NaN or an infinity, as a diverged training run
/// writes them: `DigitRecognizer(checkpoint:)` refuses it rather than answer nonsense.
public struct NonFiniteParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The checkpoint file.
    public var checkpoint: URL
    /// The first parameter, by name, that holds such values: `conv1.weight`.
    public var parameter: String
    /// How many of its values are not finite.
    public var count: Int

    public var description: String {
        "\(checkpoint.relativePath): parameter \(parameter) holds \(count) values that are not finite "
            + "(NaN or infinity), as a diverged training run leaves them; train again or use another checkpoint"
    }
}

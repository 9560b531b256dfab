/// Why a drawing could not be turned into a model input.
public enum DigitPreprocessingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer pixels than `DigitPreprocessor.minimumInkPixelCount` are ink: the drawing
    /// is empty or holds only a speck, and there is no digit to centre.
    case noDigitFound(inkPixelCount: Int)

    public var description: String {
        switch self {
        case let .noDigitFound(count): "no digit found: only \(count) pixels of ink"
        }
    }
}

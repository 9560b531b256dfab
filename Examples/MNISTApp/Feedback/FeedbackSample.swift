import MNIST

/// One corrected digit: the 28×28 image the model saw and the digit it really shows.
///
/// ```swift
/// let sample = try FeedbackSample(label: 7, modelInput: recognition.modelInput)
/// sample.pixels.count  // 784, 0 background to 255 full ink
/// ```
public struct FeedbackSample: Sendable, Equatable {
    /// The digit the image shows, 0–9.
    public let label: Int
    /// 784 pixels, row-major, 0 background to 255 full ink, as in MNIST.
    public let pixels: [UInt8]

    /// A sample of `pixels` (784 of them) showing `label` (0–9).
    public init(label: Int, pixels: [UInt8]) {
        precondition((0..<MNISTDataset.classCount).contains(label), "FeedbackSample: label \(label) is not a digit 0–9")
        precondition(pixels.count == MNISTDataset.pixelsPerImage, "FeedbackSample: \(pixels.count) pixels instead of 784")
        self.label = label
        self.pixels = pixels
    }

    /// A sample of a model input (784 values in [0, 1]), each value rounded to the nearest of 256 levels.
    ///
    /// - Throws: ``FeedbackSampleError`` for a label outside 0–9, a count other than 784, or a
    ///   value outside [0, 1].
    public init(label: Int, modelInput: [Float]) throws(FeedbackSampleError) {
        guard (0..<MNISTDataset.classCount).contains(label) else { throw .labelOutOfRange(label) }
        guard modelInput.count == MNISTDataset.pixelsPerImage else { throw .wrongPixelCount(modelInput.count) }
        if let index = modelInput.firstIndex(where: { !(0...1).contains($0) }) {
            throw .valueOutOfRange(index: index)
        }
        self.init(label: label, pixels: modelInput.map { UInt8(($0 * 255).rounded()) })
    }

    /// The pixels scaled back to [0, 1], as a batch loader serves them.
    public var modelInput: [Float] { pixels.map { Float($0) / 255 } }
}

/// Why values cannot make a ``FeedbackSample``.
public enum FeedbackSampleError: Error, Equatable, Sendable, CustomStringConvertible {
    case labelOutOfRange(Int)
    case wrongPixelCount(Int)
    /// The value at `index` is outside [0, 1] (or not a number).
    case valueOutOfRange(index: Int)

    public var description: String {
        switch self {
        case let .labelOutOfRange(label): "'label' must be a digit 0–9, not \(label)"
        case let .wrongPixelCount(count): "'model_input' must hold 784 values, not \(count)"
        case let .valueOutOfRange(index): "'model_input' value at \(index) is outside [0, 1]"
        }
    }
}

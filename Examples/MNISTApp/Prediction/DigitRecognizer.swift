import Foundation
import NumSight

/// The prediction pipeline: a PNG drawing → the MNIST-style 28×28 input → the
/// model's probabilities. Safe to use from several threads at once: inference
/// records nothing and changes no state, and nothing changes the model after `init`.
///
/// ```swift
/// let recognizer = try DigitRecognizer(checkpoint: url)
/// let recognition = try recognizer.recognize(png: bytes)
/// print(recognition.digit, recognition.confidence)
/// ```
public final class DigitRecognizer: @unchecked Sendable {
    private let model: Sequential<Float>
    private let preprocessor: DigitPreprocessor
    private let decoder: PNGDecoder
    /// One per core: more recognitions at once would only share the cores, each holding its
    /// buffers (about 1.5 MB for a 280 × 280 drawing) for longer.
    private let recognitionSlots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount)

    /// Recognises with `model` (the seed CNN's shape: `[batch, 28, 28, 1]` → logits).
    public init(model: Sequential<Float>, preprocessor: DigitPreprocessor = DigitPreprocessor(),
                decoder: PNGDecoder = PNGDecoder(maximumPixelCount: 4096 * 4096)) {
        self.model = model
        self.preprocessor = preprocessor
        self.decoder = decoder
    }

    /// Loads the seed CNN's weights from a checkpoint written by training.
    public convenience init(checkpoint: URL) throws {
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: checkpoint)
        self.init(model: model)
    }

    /// Decodes, preprocesses and classifies a PNG drawing (dark ink on a light or
    /// transparent background).
    ///
    /// - Throws: `PNGError` for bytes that are not a valid PNG (or an absurdly large
    ///   one), `DigitPreprocessingError` when the drawing holds no digit.
    public func recognize(png: [UInt8]) throws -> Recognition {
        recognitionSlots.wait()
        defer { recognitionSlots.signal() }
        let drawing = try decoder.decode(png)
        return recognize(modelInput: try preprocessor.modelInput(from: drawing))
    }

    /// The model in the page's format (``WebModelFile``), for `GET /model.bin`.
    public var webModelFile: [UInt8] { WebModelFile.encode(model) }

    /// Classifies an already preprocessed 28×28 input (784 values in [0, 1], row-major).
    public func recognize(modelInput: [Float]) -> Recognition {
        let image = Tensor(modelInput, shape: [1] + SeedCNN.inputShape)
        let probabilities = model.probabilities(for: image).scalars
        return Recognition(probabilities: probabilities, modelInput: modelInput)
    }
}

/// What the recogniser concluded about one drawing.
public struct Recognition: Sendable, Equatable {
    /// The probability of each digit 0–9.
    public let probabilities: [Float]
    /// The 28×28 image the model saw, row-major, white ink on black in [0, 1].
    public let modelInput: [Float]

    /// The most probable digit.
    public var digit: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }
    /// The probability of ``digit``.
    public var confidence: Float { probabilities[digit] }
}

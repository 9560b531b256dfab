import Foundation
import ImageCodecs
import MNIST
import NumSight

/// The prediction pipeline: a PNG drawing → the MNIST-style 28×28 input → the
/// model's probabilities; for a drawing of several digits, one input and one set of
/// probabilities per digit (`recognizeAll(png:)`). Safe to use from several threads at
/// once: inference records nothing and changes no state, and nothing changes the model
/// after `init`.
///
/// ```swift
/// let recognizer = try DigitRecognizer(checkpoint: url)
/// let recognition = try recognizer.recognize(png: bytes)
/// print(recognition.digit, recognition.confidence)
/// print(try recognizer.recognizeAll(png: bytes).number)  // "2026"
/// ```
public final class DigitRecognizer: @unchecked Sendable {
    let model: Sequential<Float>
    private let preprocessor: DigitPreprocessor
    private let segmenter: DigitSegmenter
    private let decoder: PNGDecoder
    /// One per core: more recognitions at once would only share the cores, each holding its
    /// buffers (about 1.5 MB for a 280 × 280 drawing) for longer.
    private let recognitionSlots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount)

    /// Recognises with `model` (the seed CNN's shape: `[batch, 28, 28, 1]` → logits).
    /// Drawings of several digits are segmented with `preprocessor`'s ink threshold and
    /// smallest digit, so that every segment is one the preprocessor accepts.
    public init(model: Sequential<Float>, preprocessor: DigitPreprocessor = DigitPreprocessor(),
                decoder: PNGDecoder = DigitRecognizer.drawingDecoder) {
        self.model = model
        self.preprocessor = preprocessor
        self.segmenter = DigitSegmenter(inkThreshold: preprocessor.inkThreshold,
                                        minimumPixelCount: preprocessor.minimumInkPixelCount)
        self.decoder = decoder
    }

    /// The decoder for drawings: at most 2048 × 2048 pixels (the page sends 280 × 280)
    /// whose image data inflates to at most what 8-bit RGBA of that size needs, 16 MiB
    /// and a filter byte per row. So one drawing holds at most 16 MiB of image data and
    /// 16 MiB of pixels while it is decoded, then three 4-byte planes of 2048² (ink,
    /// labels, the segmenter's queue) while it is cut into digits.
    public static let drawingDecoder = PNGDecoder(maximumPixelCount: 2048 * 2048,
                                                  maximumImageDataByteCount: 2048 * (1 + 2048 * 4))

    /// Loads the seed CNN's weights from a checkpoint written by training.
    ///
    /// - Throws: what `Checkpoint.load` throws, and ``NonFiniteParameterError`` when a
    ///   parameter holds NaN or an infinity (a diverged run): such a model answers nothing.
    public convenience init(checkpoint: URL) throws {
        let model = SeedCNN.makeModel()
        try Checkpoint.load(into: model, from: checkpoint)
        for (name, tensor) in model.state.sorted(by: { $0.key < $1.key }) {
            let count = tensor.scalars.count { !$0.isFinite }
            if count > 0 { throw NonFiniteParameterError(checkpoint: checkpoint, parameter: name, count: count) }
        }
        self.init(model: model)
    }

    /// Decodes, preprocesses and classifies a PNG drawing (dark ink on a lighter or
    /// transparent background).
    ///
    /// - Throws: `PNGError` for bytes that are not a valid PNG (or an absurdly large
    ///   one), `DigitPreprocessingError` when the drawing holds no digit.
    public func recognize(png: [UInt8]) throws -> Recognition {
        recognitionSlots.wait()
        defer { recognitionSlots.signal() }
        let ink = Self.ink(of: try decoder.decode(png))
        return recognize(modelInput: try preprocessor.stages(ofInk: ink).centred.values)
    }

    /// The model in the page's format (``WebModelFile``), for `GET /model.bin`.
    public var webModelFile: [UInt8] { WebModelFile.encode(model) }

    /// Decodes a PNG drawing of one or more digits in a row, cuts it into digits with
    /// `DigitSegmenter`, preprocesses each exactly as a digit drawn alone and classifies
    /// them together, in one batch.
    ///
    /// - Throws: `PNGError` for bytes that are not a valid PNG (or an absurdly large
    ///   one), `DigitPreprocessingError` when the drawing holds nothing but specks.
    public func recognizeAll(png: [UInt8]) throws -> NumberRecognition {
        recognitionSlots.wait()
        defer { recognitionSlots.signal() }
        return try recognizeAll(drawing: try decoder.decode(png))
    }

    /// The digits of an already decoded drawing, left to right; see `recognizeAll(png:)`.
    public func recognizeAll(drawing: RGBAImage) throws(DigitPreprocessingError) -> NumberRecognition {
        let ink = Self.ink(of: drawing)
        let segments = segmenter.segments(of: ink)
        guard !segments.isEmpty else {
            throw .noDigitFound(inkPixelCount: ink.values.count { $0 > preprocessor.inkThreshold })
        }
        var inputs: [[Float]] = []
        for segment in segments {
            inputs.append(try preprocessor.stages(ofInk: segment.ink).centred.values)
        }
        let images = Tensor(inputs.flatMap { $0 }, shape: [inputs.count] + SeedCNN.inputShape)
        let probabilities = model.probabilities(for: images).scalars
        let classCount = probabilities.count / inputs.count
        var digits: [NumberRecognition.Digit] = []
        for (index, segment) in segments.enumerated() {
            let row = (index * classCount)..<((index + 1) * classCount)
            let recognition = Recognition(probabilities: Array(probabilities[row]), modelInput: inputs[index])
            digits.append(NumberRecognition.Digit(columns: segment.columns, rows: segment.rows, recognition: recognition))
        }
        return NumberRecognition(digits: digits)
    }

    /// The drawing's ink measured from its paper up (see `GreyscaleImage.removingBackground()`),
    /// so that an all-black or uniformly grey drawing holds no digit.
    private static func ink(of drawing: RGBAImage) -> GreyscaleImage {
        GreyscaleImage(inkOf: drawing).removingBackground()
    }

    /// Looks inside the model for a PNG drawing: feature maps, filters and saliency (see
    /// ``ModelInsight``) for the digit the model is surest of, the one whose fields `/predict`
    /// reports first. Throws as ``recognizeAll(png:)``.
    public func insight(png: [UInt8]) throws -> ModelInsight {
        let input = try recognizeAll(png: png).mostConfident.modelInput
        return ModelInsight(model: model, modelInput: input)
    }

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

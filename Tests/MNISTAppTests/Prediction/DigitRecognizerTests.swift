import Foundation
@testable import ImageCodecs
import MNIST
import NumSight
@testable import Plotting
import Testing
@testable import MNISTApp

/// Several digits at once, with an untrained model: these tests check the segmentation,
/// the preprocessing and the batching, not the accuracy.
@Suite struct DigitRecognizerTests {
    static let recognizer = DigitRecognizer(model: withRandomSeed(1) { SeedCNN.makeModel() })

    @Test func eachDigitOfANumberIsRecognizedAsIfDrawnAlone() throws {
        let drawing = NumberDrawing("314159")
        let number = try Self.recognizer.recognizeAll(drawing: drawing.image)
        #expect(number.digits.count == 6)
        #expect(number.number.count == 6 && number.number.allSatisfy(\.isNumber), "number \(number.number)")
        for (position, digit) in number.digits.enumerated() {
            #expect(digit.columns == drawing.inkBoxes[position].columns && digit.rows == drawing.inkBoxes[position].rows)
            let alone = try DigitPreprocessor().modelInput(from: drawing.drawingOfDigit(at: position))
            #expect(digit.recognition.modelInput == alone, "digit \(position): another model input")
            // One batch of six gives each digit what it gets on its own, to rounding.
            let single = Self.recognizer.recognize(modelInput: alone).probabilities
            let difference = zip(single, digit.recognition.probabilities).map { abs($0 - $1) }.max()!
            #expect(difference < 1e-5, "digit \(position): batched and single probabilities differ by \(difference)")
        }
        let confidences = number.digits.map(\.recognition.confidence)
        #expect(number.mostConfident.confidence == confidences.max())
        #expect(number.number == number.digits.map { String($0.recognition.digit) }.joined())
    }

    @Test func aSingleDigitIsANumberOfOneDigit() throws {
        let drawing = NumberDrawing("7")
        let number = try Self.recognizer.recognizeAll(drawing: drawing.image)
        #expect(number.digits.count == 1)
        #expect(number.mostConfident == number.digits[0].recognition)
        #expect(number.mostConfident.modelInput == (try DigitPreprocessor().modelInput(from: drawing.image)))
        #expect(number.number == String(number.mostConfident.digit))
    }

    @Test func specksAloneAreNoDigit() {
        var canvas = Canvas(width: 100, height: 100)
        canvas.fillRectangle(CanvasRect(x: 10, y: 10, width: 3, height: 5), color: .black)
        canvas.fillRectangle(CanvasRect(x: 50, y: 50, width: 3, height: 3), color: .black)
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 24)) {
            try Self.recognizer.recognizeAll(drawing: canvas.image)
        }
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 0)) {
            try Self.recognizer.recognizeAll(drawing: Canvas(width: 100, height: 100).image)
        }
    }

    /// A drawing without strokes is no digit whatever its colour: black, white, grey, or
    /// noise too faint to be a stroke.
    @Test func emptyLookingDrawingsOfAnyColourAreNoDigit() {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let noise = (0..<(100 * 100)).flatMap { _ -> [UInt8] in
            let grey = UInt8.random(in: 235...255, using: &generator)
            return [grey, grey, grey, 255]
        }
        let drawings = [
            "black": Canvas(width: 100, height: 100, background: .black).image,
            "white": Canvas(width: 100, height: 100).image,
            "grey": Canvas(width: 100, height: 100, background: RGBAColor(red: 128, green: 128, blue: 128)).image,
            "blue": Canvas(width: 100, height: 100, background: RGBAColor(red: 0, green: 0, blue: 200)).image,
            "faint noise": RGBAImage(width: 100, height: 100, pixels: noise),
        ]
        for (name, drawing) in drawings {
            #expect(throws: DigitPreprocessingError.self, "\(name)") { try Self.recognizer.recognizeAll(drawing: drawing) }
        }
    }

    /// On tinted paper the digit is found where it is on white: the paper is not ink.
    @Test func aDigitOnGreyPaperIsBoxedAsOnWhite() throws {
        let drawing = NumberDrawing("7")
        let tinted = RGBAImage(width: drawing.image.width, height: drawing.image.height,
                               pixels: drawing.image.pixels.enumerated().map { index, sample in
                                   index % 4 == 3 ? sample : UInt8(Int(sample) * 200 / 255)
                               })
        let number = try Self.recognizer.recognizeAll(drawing: tinted)
        #expect(number.digits.count == 1)
        #expect(number.digits[0].columns == drawing.inkBoxes[0].columns && number.digits[0].rows == drawing.inkBoxes[0].rows)
    }

    /// A checkpoint of a diverged run is refused at load, naming the parameter.
    @Test func aCheckpointWithNonFiniteWeightsIsRefusedAtLoad() throws {
        let model = withRandomSeed(1) { SeedCNN.makeModel() }
        var state = model.state
        let name = state.keys.sorted()[0]
        var scalars = state[name]!.scalars
        scalars[0] = .nan
        scalars[1] = .infinity
        state[name] = Tensor(scalars, shape: state[name]!.shape)
        try model.load(state: state)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diverged-\(UInt64.random(in: 0...UInt64.max)).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Checkpoint.save(model, to: url)
        #expect(throws: NonFiniteParameterError(checkpoint: url, parameter: name, count: 2)) {
            try DigitRecognizer(checkpoint: url)
        }
    }

    /// A drawing that claims 4096 × 4096 pixels is refused from its header alone, before a
    /// byte is inflated; 16-bit samples halve the pixels the byte budget allows.
    @Test func theDrawingDecoderRefusesHugeClaimsFromTheHeader() {
        func header(side: Int, bitDepth: Int) -> [UInt8] {
            let header = PNGHeader(width: side, height: side, bitDepth: bitDepth, colorType: .rgba, isInterlaced: false)
            return PNGChunk.signature + PNGChunk(type: "IHDR", data: header.encoded[...]).encoded
        }
        #expect(throws: PNGError.imageTooLarge(width: 4096, height: 4096, maximumPixelCount: 2048 * 2048)) {
            try DigitRecognizer.drawingDecoder.decode(header(side: 4096, bitDepth: 16))
        }
        #expect(throws: PNGError.imageDataTooLarge(byteCount: 2048 * (1 + 2048 * 8), maximum: 2048 * (1 + 2048 * 4))) {
            try DigitRecognizer.drawingDecoder.decode(header(side: 2048, bitDepth: 16))
        }
    }
}

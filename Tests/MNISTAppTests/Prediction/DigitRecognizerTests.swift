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
}

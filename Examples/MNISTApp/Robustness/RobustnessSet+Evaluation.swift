import Foundation
import ImageCodecs
import MNIST
import NumSight

extension RobustnessSet {
    /// How `recognizer` reads the set through the path of `POST /predict`: each drawing
    /// encoded as PNG, decoded, segmented and preprocessed; the answer is the digit the
    /// model is surest of (the response's `digit`). A drawing in which no digit is found
    /// counts as a mistake with prediction -1.
    ///
    /// Returns the evaluation (the loss is the mean of −ln p(label)) and, per style, the
    /// fraction read correctly.
    func evaluation(of recognizer: DigitRecognizer) throws -> (ModelEvaluation, styleAccuracies: [(String, Double)]) {
        let answers = try drawings.map { drawing in
            let png = try PNGEncoder.encode(drawing.image)
            return try? recognizer.recognizeAll(png: png).mostConfident
        }
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        var mistakes: [(index: Int, predicted: Int)] = []
        var lossSum = 0.0
        var styleCounts: [String: (correct: Int, total: Int)] = [:]
        for (index, (drawing, answer)) in zip(drawings, answers).enumerated() {
            let predicted = answer?.digit ?? -1
            if predicted >= 0 { confusion[drawing.label][predicted] += 1 }
            if predicted != drawing.label { mistakes.append((index, predicted)) }
            lossSum -= Double(log(max(answer?.probabilities[drawing.label] ?? 0, .leastNormalMagnitude)))
            let counts = styleCounts[drawing.styleName, default: (0, 0)]
            styleCounts[drawing.styleName] = (counts.correct + (predicted == drawing.label ? 1 : 0), counts.total + 1)
        }
        let styles = DigitDrawingStyle.allCases.compactMap { style in
            styleCounts[style.rawValue].map { (style.rawValue, Double($0.correct) / Double($0.total)) }
        }
        return (ModelEvaluation(confusion: confusion, loss: lossSum / Double(max(drawings.count, 1)), mistakes: mistakes),
                styles)
    }
}

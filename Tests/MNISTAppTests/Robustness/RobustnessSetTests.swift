import ImageCodecs
@testable import MNISTApp
import Testing

@Suite struct RobustnessSetTests {
    @Test func theSameSeedGivesTheSameDrawingsAndAnotherSeedOthers() {
        let first = RobustnessSet(seed: 5, drawingsPerDigit: 3)
        let second = RobustnessSet(seed: 5, drawingsPerDigit: 3)
        let other = RobustnessSet(seed: 6, drawingsPerDigit: 3)
        #expect(first.drawings.map(\.image) == second.drawings.map(\.image))
        #expect(zip(first.drawings, other.drawings).allSatisfy { $0.image != $1.image })
    }

    @Test func everyDigitHasItsDrawingsAndEveryStyleIsUsed() {
        let set = RobustnessSet(seed: 1, drawingsPerDigit: 3)
        #expect(set.drawings.map(\.label) == (0..<10).flatMap { [Int](repeating: $0, count: 3) })
        #expect(Set(set.drawings.map(\.styleName)) == Set(DigitDrawingStyle.allCases.map(\.rawValue)))
        #expect(set.drawings.allSatisfy { $0.image.width == 280 && $0.image.height == 280 })
    }

    @Test func eachDrawingIsADigitThePreprocessorAcceptsWithItsInkInsideTheCanvas() throws {
        for drawing in RobustnessSet(seed: 2, drawingsPerDigit: 2).drawings {
            let ink = GreyscaleImage(inkOf: drawing.image)
            let bounds = try #require(ink.bounds(above: 0), "\(drawing.styleName) has no ink")
            // The pen's edge stays 2 pixels clear of the canvas's edge.
            #expect(bounds.columns.lowerBound >= 1 && bounds.columns.upperBound <= 279, "\(drawing.styleName): \(bounds)")
            #expect(bounds.rows.lowerBound >= 1 && bounds.rows.upperBound <= 279, "\(drawing.styleName): \(bounds)")
            #expect(max(bounds.columns.count, bounds.rows.count) >= Int(drawing.height * 0.5))
            _ = try DigitPreprocessor().modelInput(from: drawing.image)
        }
    }

    @Test func aRoundPenCoversItsDiameterWithAnAntialiasedEdge() {
        // A horizontal line at y = 10 (between rows) from x = 5 to 15, pen 4: rows 8–11 fully inked
        // in the middle (centres 1.5 px or less away), rows 7 and 12 at the edge (2.5 px: ink 0).
        var stroke = PenStroke(from: [5, 10])
        stroke.line(to: [15, 10])
        let ink = RoundPen(diameter: 4).ink(of: [stroke], side: 20)
        #expect((8...11).allSatisfy { ink[10, $0] == 1 })
        #expect(ink[10, 7] == 0 && ink[10, 12] == 0)
        // A diameter of 5 reaches row 7 (its centre 2.5 from the line) with half ink: 2.5 + 0.5 − 2.5.
        #expect(RoundPen(diameter: 5).ink(of: [stroke], side: 20)[10, 7] == 0.5)
    }
}

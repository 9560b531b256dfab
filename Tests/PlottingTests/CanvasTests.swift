import Testing
@testable import Plotting

@Suite struct CanvasTests {
    @Test func fillRectangleCoversThePixelsWhoseCentresAreInside() {
        var canvas = Canvas(width: 6, height: 4, background: .white)
        canvas.fillRectangle(CanvasRect(x: 1, y: 0.6, width: 3, height: 2), color: .black)
        // Columns 1–3 (centres 1.5…3.5), rows 1–2 (centres 1.5, 2.5; 0.5 is above 0.6).
        for y in 0..<4 {
            for x in 0..<6 {
                let inside = (1...3).contains(x) && (1...2).contains(y)
                #expect(canvas.color(x: x, y: y) == (inside ? .black : .white), "pixel (\(x), \(y))")
            }
        }
    }

    @Test func linesAreAntiAliasedByCoverage() {
        // On pixel centres (y = 2.5), a 1-pixel line covers row 2 fully and nothing else.
        var crisp = Canvas(width: 10, height: 5)
        crisp.drawLine(from: (2.5, 2.5), to: (7.5, 2.5), color: .black)
        #expect((2...7).allSatisfy { crisp.color(x: $0, y: 2) == .black })
        #expect((0..<10).allSatisfy { crisp.color(x: $0, y: 1) == .white && crisp.color(x: $0, y: 3) == .white })
        // Between rows (y = 2), it covers rows 1 and 2 by half each: 255 / 2 → 128.
        var between = Canvas(width: 10, height: 5)
        between.drawLine(from: (2.5, 2), to: (7.5, 2), color: .black)
        let half = RGBAColor(red: 128, green: 128, blue: 128)
        #expect(between.color(x: 4, y: 1) == half && between.color(x: 4, y: 2) == half,
                "observed \(between.color(x: 4, y: 1)), \(between.color(x: 4, y: 2))")
    }

    @Test func blendingOverTransparencyKeepsTheColourAndSetsAlpha() {
        var canvas = Canvas(width: 2, height: 1, background: RGBAColor(red: 0, green: 0, blue: 0, alpha: 0))
        canvas.blend(RGBAColor(red: 200, green: 100, blue: 50), x: 0, y: 0, coverage: 0.5)
        #expect(canvas.color(x: 0, y: 0) == RGBAColor(red: 200, green: 100, blue: 50, alpha: 128))
        #expect(canvas.color(x: 1, y: 0).alpha == 0)
    }

    @Test func textDrawsTheGlyphPixelsAtItsScale() {
        var canvas = Canvas(width: 20, height: 20)
        // "1" at scale 2, leading edge at x = 2, capitals centred on y = 9: rows start at 9 − 7 = 2.
        canvas.drawText("1", x: 2, y: 9, color: .black, scale: 2)
        let glyph = BitmapFont.glyph(for: "1")
        for y in 0..<20 {
            for x in 0..<20 {
                let (column, row) = ((x - 2) / 2, (y - 2) / 2)
                let isInk = x >= 2 && y >= 2 && column < 5 && row < 8 && glyph[row] & (1 << (4 - column)) != 0
                #expect(canvas.color(x: x, y: y) == (isInk ? .black : .white), "pixel (\(x), \(y))")
            }
        }
        #expect(Canvas.textSize("abc", scale: 2) == (width: 34, height: 16))
    }

    @Test func fontHasEveryLetterDigitAndPlotSymbol() {
        let characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:-+=()/%'_!→×"
        let fallback = BitmapFont.glyph(for: "?")
        for character in characters {
            let glyph = BitmapFont.glyph(for: character)
            #expect(glyph.count == 8 && glyph.allSatisfy { $0 < 32 }, "glyph \(character)")
            #expect(glyph != fallback, "\(character) has no glyph of its own")
        }
        #expect(BitmapFont.glyph(for: "1")[0] == 0b00100)
        #expect(BitmapFont.glyph(for: "€") == fallback)
    }
}

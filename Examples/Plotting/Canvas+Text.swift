extension Canvas {
    /// Draws one line of `text` in `BitmapFont`, each font pixel a `scale × scale` square.
    ///
    /// `(x, y)` is the anchor: `alignment` places the text along its line, and the line's
    /// capital letters are centred vertically on `y`. With `isVertical` the text reads
    /// upwards, rotated a quarter turn anticlockwise (for a y-axis title), and the same
    /// rules hold in the rotated frame.
    ///
    /// ```swift
    /// canvas.drawText("epoch", x: 320, y: 470, alignment: .centre, color: .ink, scale: 2)
    /// ```
    public mutating func drawText(
        _ text: String, x: Int, y: Int, alignment: TextAlignment = .leading,
        color: RGBAColor = .ink, scale: Int = 1, isVertical: Bool = false
    ) {
        let length = Self.textSize(text, scale: scale).width
        let along = switch alignment {
        case .leading: 0
        case .centre: -length / 2
        case .trailing: -length
        }
        // Rows 0–6 are the capitals; their middle, row 3.5, goes on the anchor.
        let across = -(7 * scale) / 2
        for (index, character) in text.enumerated() {
            let glyph = BitmapFont.glyph(for: character)
            for (row, bits) in glyph.enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (1 << (BitmapFont.glyphWidth - 1 - column)) != 0 {
                    let u = along + (index * BitmapFont.advance + column) * scale
                    let v = across + row * scale
                    for dv in 0..<scale {
                        for du in 0..<scale {
                            if isVertical {
                                blend(color, x: x + v + dv, y: y - u - du - 1)
                            } else {
                                blend(color, x: x + u + du, y: y + v + dv)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The pixels one line of `text` covers at `scale`, along and across the line.
    public static func textSize(_ text: String, scale: Int = 1) -> (width: Int, height: Int) {
        let size = BitmapFont.size(of: text)
        return (size.width * scale, size.height * scale)
    }
}

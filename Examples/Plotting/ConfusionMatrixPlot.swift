import Foundation
import ImageCodecs

/// A confusion matrix as a heat map: row `t`, column `p` counts the examples of true
/// class `t` predicted as `p`, written in the cell and shaded from white (0) to dark
/// blue (the largest count), with a colour bar.
///
/// Shading follows `log(1 + count) / log(1 + largest)`, so the few mistakes off the
/// diagonal stay visible next to thousands of correct answers on it.
///
/// ```swift
/// var counts = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
/// for (label, prediction) in zip(labels, predictions) { counts[label][prediction] += 1 }
/// try ConfusionMatrixPlot(counts: counts).writePNG(to: URL(fileURLWithPath: "confusion.png"))
/// ```
public struct ConfusionMatrixPlot: Plot, Sendable {
    /// `counts[t][p]`: examples of true class `t` predicted as `p`; square.
    public var counts: [[Int]]
    /// The name of each class, for the row and column labels.
    var classNames: [String]
    public var title: String
    /// Side of one cell, in pixels.
    var cellSize: Int

    /// A plot of `counts`, classes named "0", "1", … unless `classNames` is given.
    public init(counts: [[Int]], classNames: [String]? = nil, title: String = "Confusion matrix", cellSize: Int = 52) {
        precondition(counts.allSatisfy { $0.count == counts.count }, "a confusion matrix must be square")
        self.counts = counts
        self.classNames = classNames ?? counts.indices.map(String.init)
        self.title = title
        self.cellSize = cellSize
    }

    /// The lightest colour of the scale, for 0.
    static let lowColor = RGBAColor.white
    /// The darkest colour of the scale, for the largest count.
    static let highColor = RGBAColor(red: 8, green: 48, blue: 107)

    private static let textScale = 2
    private static let line = Canvas.textSize("0", scale: textScale).height
    private static let colourBarWidth = 20

    private var largest: Int { counts.joined().max() ?? 0 }

    /// Where 0…1 along the colour scale `count` falls.
    func shade(of count: Int) -> Double {
        largest == 0 ? 0 : log(1 + Double(count)) / log(1 + Double(largest))
    }

    /// The cells' top-left corner, in pixels.
    private var gridOrigin: (x: Int, y: Int) {
        let labelWidth = classNames.map { Canvas.textSize($0, scale: Self.textScale).width }.max() ?? 0
        return (Self.line * 3 + labelWidth, Self.line * 4)
    }

    public func image() -> RGBAImage {
        let n = counts.count
        let origin = gridOrigin
        let side = n * cellSize
        let barLabelWidth = Canvas.textSize(String(largest), scale: Self.textScale).width
        var canvas = Canvas(width: origin.x + side + Self.line * 2 + Self.colourBarWidth + 9 + barLabelWidth + Self.line,
                            height: origin.y + side + Self.line * 5)
        canvas.drawText(title, x: origin.x + side / 2, y: Self.line * 2, alignment: .centre, scale: Self.textScale + 1)

        for row in 0..<n {
            for column in 0..<n {
                let count = counts[row][column]
                let shade = shade(of: count)
                let cell = CanvasRect(x: Double(origin.x + column * cellSize), y: Double(origin.y + row * cellSize),
                                      width: Double(cellSize), height: Double(cellSize))
                canvas.fillRectangle(cell, color: Self.lowColor.mixed(with: Self.highColor, fraction: shade))
                let text = String(count)
                let scale = Canvas.textSize(text, scale: Self.textScale).width <= cellSize - 6 ? Self.textScale : 1
                let textColor: RGBAColor = shade > 0.55 ? .white : count == 0 ? .grid : .ink
                canvas.drawText(text, x: Int(cell.midX), y: Int(cell.midY), alignment: .centre, color: textColor, scale: scale)
            }
        }
        canvas.strokeRectangle(CanvasRect(x: Double(origin.x) - 0.5, y: Double(origin.y) - 0.5,
                                          width: Double(side + 1), height: Double(side + 1)), color: .ink)
        for (index, name) in classNames.enumerated() {
            let middle = index * cellSize + cellSize / 2
            canvas.drawText(name, x: origin.x - Self.line / 2, y: origin.y + middle, alignment: .trailing, scale: Self.textScale)
            canvas.drawText(name, x: origin.x + middle, y: origin.y + side + Self.line, alignment: .centre, scale: Self.textScale)
        }
        canvas.drawText("predicted", x: origin.x + side / 2, y: origin.y + side + Self.line * 3,
                        alignment: .centre, scale: Self.textScale)
        canvas.drawText("true", x: Self.line, y: origin.y + side / 2, alignment: .centre, scale: Self.textScale, isVertical: true)
        drawColourBar(on: &canvas, x: origin.x + side + Self.line * 2, top: origin.y, height: side)
        return canvas.image
    }

    /// A vertical strip of the scale, 0 at the bottom, labelled at 0, 1, 10, 100, …
    /// and the largest count.
    private func drawColourBar(on canvas: inout Canvas, x: Int, top: Int, height: Int) {
        for row in 0..<height {
            let fraction = 1 - (Double(row) + 0.5) / Double(height)
            let color = Self.lowColor.mixed(with: Self.highColor, fraction: fraction)
            canvas.fillRectangle(CanvasRect(x: Double(x), y: Double(top + row), width: Double(Self.colourBarWidth), height: 1),
                                 color: color)
        }
        canvas.strokeRectangle(CanvasRect(x: Double(x) - 0.5, y: Double(top) - 0.5,
                                          width: Double(Self.colourBarWidth + 1), height: Double(height + 1)), color: .ink)
        var marks = [0] + (0...9).map { Int(pow(10, Double($0))) }.filter { $0 < largest }
        if largest > 0 { marks.append(largest) }
        var lastLabelY: Int?
        for count in marks.reversed() {
            let y = top + Int((1 - shade(of: count)) * Double(height - 1))
            canvas.drawLine(from: (Double(x + Self.colourBarWidth), Double(y) + 0.5),
                            to: (Double(x + Self.colourBarWidth + 5), Double(y) + 0.5), color: .ink)
            // Skip a label that would overlap the one above it.
            if let lastLabelY, y - lastLabelY < Self.line * 3 / 2 { continue }
            canvas.drawText(String(count), x: x + Self.colourBarWidth + 9, y: y, scale: Self.textScale)
            lastLabelY = y
        }
    }
}

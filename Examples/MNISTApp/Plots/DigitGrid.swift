import ImageCodecs
import MNIST
import Plotting

/// A grid of 28 × 28 digits, each enlarged and captioned — such as the misclassified
/// test digits, captioned "7→2" (true → predicted, in red when they differ).
///
/// Digits are drawn as MNIST stores them, white ink on black, each pixel a
/// `pixelScale × pixelScale` square.
///
/// ```swift
/// let wrong = DigitGrid.Item(pixels: Array(test.image(at: 247)), trueLabel: 4, predictedLabel: 6)
/// try DigitGrid(items: [wrong], columns: 8).writePNG(to: URL(fileURLWithPath: "mistakes.png"))
/// ```
struct DigitGrid: Plot, Sendable {
    /// One digit and its caption.
    struct Item: Sendable {
        /// 784 pixels, row-major, 0 background to 255 ink.
        public var pixels: [UInt8]
        var caption: String
        var captionColor: RGBAColor

        public init(pixels: [UInt8], caption: String, captionColor: RGBAColor = .ink) {
            precondition(pixels.count == MNISTDataset.pixelsPerImage, "a digit has 784 pixels, got \(pixels.count)")
            self.pixels = pixels
            self.caption = caption
            self.captionColor = captionColor
        }

        /// A digit captioned "true→predicted", red if they differ.
        public init(pixels: [UInt8], trueLabel: Int, predictedLabel: Int) {
            self.init(pixels: pixels, caption: "\(trueLabel)→\(predictedLabel)",
                      captionColor: trueLabel == predictedLabel ? .ink : .alert)
        }
    }

    var items: [Item]
    /// Digits per row.
    public var columns: Int
    /// Canvas pixels per side of one digit pixel.
    var pixelScale: Int
    /// Written above the grid, unless empty.
    var title: String

    public init(items: [Item], columns: Int = 10, pixelScale: Int = 3, title: String = "") {
        self.items = items
        self.columns = max(1, columns)
        self.pixelScale = pixelScale
        self.title = title
    }

    private static let textScale = 2
    private static let line = Canvas.textSize("0", scale: textScale).height
    private static let spacing = 12

    public func image() -> RGBAImage {
        let side = MNISTDataset.imageSide * pixelScale
        let cellWidth = side + Self.spacing
        let cellHeight = side + Self.line * 2 + Self.spacing / 2
        let rows = max(1, (items.count + columns - 1) / columns)
        let titleHeight = title.isEmpty ? 0 : Self.line * 3
        var canvas = Canvas(width: Self.spacing + columns * cellWidth,
                            height: Self.spacing + titleHeight + rows * cellHeight)
        if !title.isEmpty {
            canvas.drawText(title, x: canvas.width / 2, y: Self.spacing + Self.line, alignment: .centre, scale: Self.textScale + 1)
        }
        for (index, item) in items.enumerated() {
            let left = Self.spacing + (index % columns) * cellWidth
            let top = Self.spacing + titleHeight + (index / columns) * cellHeight
            for (pixelIndex, value) in item.pixels.enumerated() {
                let cell = CanvasRect(x: Double(left + (pixelIndex % MNISTDataset.imageSide) * pixelScale),
                                      y: Double(top + (pixelIndex / MNISTDataset.imageSide) * pixelScale),
                                      width: Double(pixelScale), height: Double(pixelScale))
                canvas.fillRectangle(cell, color: RGBAColor(red: value, green: value, blue: value))
            }
            canvas.drawText(item.caption, x: left + side / 2, y: top + side + Self.line,
                            alignment: .centre, color: item.captionColor, scale: Self.textScale)
        }
        return canvas.image
    }
}

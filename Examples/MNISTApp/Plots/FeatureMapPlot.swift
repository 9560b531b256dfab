import ImageCodecs
import MNIST
import Plotting

/// One drawing seen from inside the network (a ``ModelInsight``): the 28×28 input, its
/// saliency map, and the feature maps of one layer as a grid of channels — by default
/// `relu1`, the first convolution after batch normalisation and ReLU.
///
/// Feature maps are grey, black at the layer's lowest value and white at its highest (the
/// page's `inside.js` draws them the same way). The saliency is red where more ink would
/// raise the winning score and blue where it would lower it, over the dimmed input.
///
/// ```swift
/// let insight = ModelInsight(model: model, modelInput: recognition.modelInput)
/// try FeatureMapPlot(insight: insight).writePNG(to: URL(fileURLWithPath: "feature_maps.png"))
/// ```
struct FeatureMapPlot: Plot, Sendable {
    /// The drawing's feature maps and saliency.
    var insight: ModelInsight
    /// The feature map drawn, by ``ModelInsight/FeatureMap/name``.
    var layerName: String
    /// Feature-map tiles per row.
    public var columns: Int

    /// A plot of `insight`'s input, saliency and the feature maps named `layerName`, `columns` tiles a row.
    public init(insight: ModelInsight, layerName: String = "relu1", columns: Int = 8) {
        self.insight = insight
        self.layerName = layerName
        self.columns = columns
    }

    private static let margin = 24
    private static let gap = 6
    private static let bigScale = 8   // input and saliency: 224 px
    private static let tileScale = 3  // each channel: 84 px for 28 × 28
    private static let textScale = 2

    /// The input and saliency on the left, the layer's channels in a grid on the right.
    public func image() -> RGBAImage {
        guard let map = insight.featureMaps.first(where: { $0.name == layerName }) else {
            preconditionFailure("FeatureMapPlot: no feature map named \(layerName)")
        }
        let (height, width, channels) = (map.shape[0], map.shape[1], map.shape[2])
        let side = MNISTDataset.imageSide
        let line = Canvas.textSize("0", scale: Self.textScale).height
        let big = side * Self.bigScale
        let (tileWidth, tileHeight) = (width * Self.tileScale, height * Self.tileScale)
        let rows = (channels + columns - 1) / columns
        let gridLeft = Self.margin * 2 + big
        let top = Self.margin + line * 4
        var canvas = Canvas(
            width: gridLeft + columns * (tileWidth + Self.gap) - Self.gap + Self.margin,
            height: top + max(2 * big + 5 * line + 2 * Self.gap, rows * (tileHeight + Self.gap)) + Self.margin)

        canvas.drawText("Inside the network: the input, where it looked, and what its first layer sees",
                        x: Self.margin, y: Self.margin + line / 2, scale: Self.textScale)
        // The input and the saliency, one above the other.
        let input = insight.modelInput.map(Self.grey)
        draw(input, width: side, scale: Self.bigScale, at: (Self.margin, top), on: &canvas)
        canvas.drawText("input, 28×28", x: Self.margin + big / 2, y: top + big + line, alignment: .centre, scale: Self.textScale)
        let saliencyTop = top + big + 2 * line + Self.gap
        draw(saliencyColors(), width: side, scale: Self.bigScale, at: (Self.margin, saliencyTop), on: &canvas)
        canvas.drawText("saliency for \(insight.digit)", x: Self.margin + big / 2,
                        y: saliencyTop + big + line, alignment: .centre, scale: Self.textScale)
        canvas.drawText("red +, blue -", x: Self.margin + big / 2,
                        y: saliencyTop + big + 2 * line + Self.gap, alignment: .centre, scale: Self.textScale)
        // The feature maps, one tile per channel.
        canvas.drawText("\(layerName): \(height)×\(width)×\(channels) (conv → batch norm → ReLU)",
                        x: gridLeft, y: top - line, scale: Self.textScale)
        let low = map.values.min() ?? 0
        let high = map.values.max() ?? 0
        for channel in 0..<channels {
            let colors = (0..<(height * width)).map { pixel in
                Self.grey(high > low ? (map.values[pixel * channels + channel] - low) / (high - low) : 0)
            }
            let origin = (gridLeft + (channel % columns) * (tileWidth + Self.gap),
                          top + (channel / columns) * (tileHeight + Self.gap))
            draw(colors, width: width, scale: Self.tileScale, at: origin, on: &canvas)
        }
        return canvas.image
    }

    /// The dimmed input with the saliency over it, stronger where larger.
    private func saliencyColors() -> [RGBAColor] {
        let extent = insight.saliency.map(abs).max() ?? 0
        return insight.saliency.enumerated().map { index, value in
            let base = Self.grey(0.35 * insight.modelInput[index])
            let hue = value >= 0 ? RGBAColor(red: 255, green: 70, blue: 40) : RGBAColor(red: 60, green: 140, blue: 255)
            return base.mixed(with: hue, fraction: extent > 0 ? Double(abs(value) / extent) : 0)
        }
    }

    /// Grey at `level` from 0 (black) to 1 (white), clamped.
    private static func grey(_ level: Float) -> RGBAColor {
        let value = UInt8((min(max(level, 0), 1) * 255).rounded())
        return RGBAColor(red: value, green: value, blue: value)
    }

    private func draw(_ colors: [RGBAColor], width: Int, scale: Int, at origin: (x: Int, y: Int), on canvas: inout Canvas) {
        for (index, color) in colors.enumerated() {
            canvas.fillRectangle(CanvasRect(x: Double(origin.x + index % width * scale), y: Double(origin.y + index / width * scale),
                                            width: Double(scale), height: Double(scale)), color: color)
        }
    }
}

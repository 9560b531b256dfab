import ImageCodecs

/// An RGBA image to draw plots on: filled rectangles, anti-aliased lines and discs,
/// and bitmap text (`Canvas+Text.swift`). Coordinates are pixels from the top-left
/// corner, y growing downwards; pixel `(x, y)` covers `[x, x+1) × [y, y+1)`, so its
/// centre is at `(x + 0.5, y + 0.5)`.
///
/// Shapes are blended "over" what is already drawn: on an opaque pixel, a shape
/// covering a fraction `c` (0…1, times the colour's alpha) gives `c·colour + (1 − c)·old`;
/// on a transparent canvas it leaves its own colour with alpha `c`.
///
/// ```swift
/// var canvas = Canvas(width: 64, height: 32, background: .white)
/// canvas.drawLine(from: (2, 30), to: (62, 2), color: .ink, width: 2)
/// let png = try PNGEncoder.encode(canvas.image)
/// ```
public struct Canvas: Sendable {
    /// The picture drawn so far.
    public private(set) var image: RGBAImage

    public var width: Int { image.width }
    public var height: Int { image.height }

    /// A canvas of `width × height` pixels of `background`.
    public init(width: Int, height: Int, background: RGBAColor = .white) {
        var pixels = [UInt8](repeating: background.red, count: width * height * 4)
        for start in stride(from: 0, to: pixels.count, by: 4) {
            pixels[start + 1] = background.green
            pixels[start + 2] = background.blue
            pixels[start + 3] = background.alpha
        }
        image = RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// The colour of the pixel in column `x`, row `y`.
    public func color(x: Int, y: Int) -> RGBAColor {
        let pixel = image.pixel(x: x, y: y)
        let start = pixel.startIndex
        return RGBAColor(red: pixel[start], green: pixel[start + 1], blue: pixel[start + 2], alpha: pixel[start + 3])
    }

    /// Blends `color` over the pixel `(x, y)` with coverage `coverage` (0…1), Porter–Duff
    /// "over" on unpremultiplied samples; pixels outside the canvas are ignored.
    mutating func blend(_ color: RGBAColor, x: Int, y: Int, coverage: Double = 1) {
        guard x >= 0, x < width, y >= 0, y < height, coverage > 0 else { return }
        let sourceAlpha = min(coverage, 1) * Double(color.alpha) / 255
        let start = (y * width + x) * 4
        let oldAlpha = Double(image.pixels[start + 3]) / 255
        let alpha = sourceAlpha + oldAlpha * (1 - sourceAlpha)
        guard alpha > 0 else { return }
        func mix(_ source: UInt8, _ old: UInt8) -> UInt8 {
            UInt8(((sourceAlpha * Double(source) + oldAlpha * (1 - sourceAlpha) * Double(old)) / alpha).rounded())
        }
        image.pixels[start] = mix(color.red, image.pixels[start])
        image.pixels[start + 1] = mix(color.green, image.pixels[start + 1])
        image.pixels[start + 2] = mix(color.blue, image.pixels[start + 2])
        image.pixels[start + 3] = UInt8((alpha * 255).rounded())
    }

    /// Paints every pixel `color`, replacing what was there.
    mutating func fill(_ color: RGBAColor) {
        self = Canvas(width: width, height: height, background: color)
    }

    /// Fills the pixels whose centres lie inside `rect`.
    public mutating func fillRectangle(_ rect: CanvasRect, color: RGBAColor) {
        let columns = Int((rect.x - 0.5).rounded(.up))..<Int((rect.maxX - 0.5).rounded(.up))
        let rows = Int((rect.y - 0.5).rounded(.up))..<Int((rect.maxY - 0.5).rounded(.up))
        for y in rows {
            for x in columns { blend(color, x: x, y: y) }
        }
    }

    /// Draws the outline of `rect`, `width` pixels wide, centred on its edges.
    mutating func strokeRectangle(_ rect: CanvasRect, color: RGBAColor, width: Double = 1) {
        let corners = [(rect.x, rect.y), (rect.maxX, rect.y), (rect.maxX, rect.maxY), (rect.x, rect.maxY), (rect.x, rect.y)]
        drawPolyline(corners, color: color, width: width)
    }

    /// Draws a straight line with round ends, anti-aliased.
    mutating func drawLine(from start: (Double, Double), to end: (Double, Double), color: RGBAColor, width: Double = 1) {
        drawPolyline([start, end], color: color, width: width)
    }

    /// Draws line segments through `points`, `width` pixels wide with round joins and
    /// ends, anti-aliased: a pixel is covered by `clamp(width/2 + 0.5 − d, 0, 1)`, where
    /// `d` is the distance from its centre to the nearest segment. Each pixel is blended
    /// once, so joins are not darker than the rest.
    mutating func drawPolyline(_ points: [(Double, Double)], color: RGBAColor, width: Double = 1) {
        guard let first = points.first else { return }
        let segments = points.count == 1 ? [(first, first)] : Array(zip(points, points.dropFirst()))
        let reach = width / 2 + 0.5
        // The pixels any segment may touch, and how much the nearest covers each.
        let left = max(0, Int((points.map(\.0).min()! - reach).rounded(.down)))
        let right = min(self.width - 1, Int((points.map(\.0).max()! + reach).rounded(.down)))
        let top = max(0, Int((points.map(\.1).min()! - reach).rounded(.down)))
        let bottom = min(height - 1, Int((points.map(\.1).max()! + reach).rounded(.down)))
        guard left <= right, top <= bottom else { return }
        let boxWidth = right - left + 1
        var coverage = [Double](repeating: 0, count: boxWidth * (bottom - top + 1))
        for (start, end) in segments {
            let columns = max(left, Int((min(start.0, end.0) - reach).rounded(.down)))...min(right, Int((max(start.0, end.0) + reach).rounded(.down)))
            let rows = max(top, Int((min(start.1, end.1) - reach).rounded(.down)))...min(bottom, Int((max(start.1, end.1) + reach).rounded(.down)))
            for y in rows {
                for x in columns {
                    let distance = Self.distance(from: (Double(x) + 0.5, Double(y) + 0.5), toSegment: start, end)
                    let index = (y - top) * boxWidth + (x - left)
                    coverage[index] = max(coverage[index], min(max(reach - distance, 0), 1))
                }
            }
        }
        for (index, covered) in coverage.enumerated() where covered > 0 {
            blend(color, x: left + index % boxWidth, y: top + index / boxWidth, coverage: covered)
        }
    }

    /// Fills a disc, anti-aliased along its edge.
    mutating func fillCircle(centre: (Double, Double), radius: Double, color: RGBAColor) {
        drawPolyline([centre], color: color, width: 2 * radius)
    }

    /// The distance from `point` to the segment from `start` to `end`.
    private static func distance(from point: (Double, Double), toSegment start: (Double, Double), _ end: (Double, Double)) -> Double {
        let (dx, dy) = (end.0 - start.0, end.1 - start.1)
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : min(max(((point.0 - start.0) * dx + (point.1 - start.1) * dy) / lengthSquared, 0), 1)
        let (nearestX, nearestY) = (start.0 + t * dx, start.1 + t * dy)
        return ((point.0 - nearestX) * (point.0 - nearestX) + (point.1 - nearestY) * (point.1 - nearestY)).squareRoot()
    }
}

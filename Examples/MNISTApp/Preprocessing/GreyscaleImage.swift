import ImageCodecs

/// An image of one `Float` intensity per pixel, 0 background to 1 full ink.
///
/// `values` has shape `[height, width]`, row-major from the top-left corner: the layout
/// of an MNIST digit scaled to [0, 1]. The preprocessing stages produce these.
///
/// ```swift
/// let dot = GreyscaleImage(width: 2, height: 1, values: [0, 1])
/// dot[1, 0]          // 1
/// dot.centreOfMass   // (x: 1, y: 0)
/// ```
public struct GreyscaleImage: Equatable, Sendable {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The intensities, `[height, width]`.
    public var values: [Float]

    /// Creates an image from `width × height` intensities.
    public init(width: Int, height: Int, values: [Float]) {
        precondition(width >= 0 && height >= 0 && values.count == width * height,
                     "GreyscaleImage needs width × height = \(width * height) values, got \(values.count)")
        self.width = width
        self.height = height
        self.values = values
    }

    /// An image of `width × height` zeros.
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, values: [Float](repeating: 0, count: width * height))
    }

    /// The intensity in column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Float {
        get { values[y * width + x] }
        set { values[y * width + x] = newValue }
    }

    /// The smallest columns × rows rectangle holding every pixel brighter than `threshold`,
    /// or `nil` if there is none.
    func bounds(above threshold: Float) -> (columns: Range<Int>, rows: Range<Int>)? {
        var (left, right, top, bottom) = (width, -1, height, -1)
        values.withUnsafeBufferPointer { values in
            for y in 0..<height {
                let row = UnsafeBufferPointer(rebasing: values[(y * width)..<((y + 1) * width)])
                // Scan in from both ends: the middle of a row cannot move the box.
                guard let first = row.firstIndex(where: { $0 > threshold }) else { continue }
                let last = row.lastIndex(where: { $0 > threshold })!
                left = min(left, first)
                right = max(right, last)
                top = min(top, y)
                bottom = y
            }
        }
        return right < 0 ? nil : (left..<(right + 1), top..<(bottom + 1))
    }

    /// The pixels in `columns × rows`.
    func cropped(columns: Range<Int>, rows: Range<Int>) -> GreyscaleImage {
        precondition(columns.lowerBound >= 0 && columns.upperBound <= width
                     && rows.lowerBound >= 0 && rows.upperBound <= height, "crop outside the image")
        let values = rows.flatMap { y in self.values[(y * width + columns.lowerBound)..<(y * width + columns.upperBound)] }
        return GreyscaleImage(width: columns.count, height: rows.count, values: values)
    }

    /// The intensity-weighted mean pixel position, `(Σ x·v / Σ v, Σ y·v / Σ v)`, with
    /// pixel `(x, y)` at its indices (the top-left pixel is at (0, 0)); `nil` if all zero.
    var centreOfMass: (x: Double, y: Double)? {
        var (total, sumX, sumY) = (0.0, 0.0, 0.0)
        for y in 0..<height {
            for x in 0..<width {
                let value = Double(self[x, y])
                total += value
                sumX += Double(x) * value
                sumY += Double(y) * value
            }
        }
        return total > 0 ? (sumX / total, sumY / total) : nil
    }

    /// The image as white-on-black RGBA, for pictures of the stages: intensity `v` is
    /// grey `round(255 v)`, clamped to 0–255.
    var rgbaImage: RGBAImage {
        let pixels = values.flatMap { value -> [UInt8] in
            let grey = UInt8((min(max(value, 0), 1) * 255).rounded())
            return [grey, grey, grey, 255]
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}

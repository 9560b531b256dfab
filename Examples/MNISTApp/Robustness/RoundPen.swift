/// A round pen of a given diameter that draws strokes onto a square canvas, with
/// anti-aliased edges: a pixel whose centre lies at distance `d` from the stroke's
/// centre line gets ink `clamp(radius + 0.5 − d, 0, 1)`, the fraction of a one-pixel
/// band across the edge that the pen covers. Where strokes overlap, the darker wins.
///
/// ```swift
/// let ink = RoundPen(diameter: 20).ink(of: strokes, side: 280)   // points in pixels
/// ```
struct RoundPen: Sendable {
    /// The pen's diameter in pixels.
    let diameter: Double

    /// The ink of `strokes` (points in pixel units, pixel centres at `i + 0.5`) on a
    /// `side` × `side` canvas, white on black, 0…1.
    func ink(of strokes: [PenStroke], side: Int) -> GreyscaleImage {
        var image = GreyscaleImage(width: side, height: side)
        let radius = diameter / 2
        for stroke in strokes {
            let points = stroke.points
            for index in points.indices {
                let start = points[index]
                let end = index + 1 < points.count ? points[index + 1] : start
                draw(from: start, to: end, radius: radius, into: &image)
            }
        }
        return image
    }

    /// Draws the segment from `start` to `end` with round ends.
    private func draw(from start: SIMD2<Double>, to end: SIMD2<Double>, radius: Double, into image: inout GreyscaleImage) {
        let reach = radius + 1
        let left = max(0, Int((min(start.x, end.x) - reach).rounded(.down)))
        let right = min(image.width - 1, Int((max(start.x, end.x) + reach).rounded(.up)))
        let top = max(0, Int((min(start.y, end.y) - reach).rounded(.down)))
        let bottom = min(image.height - 1, Int((max(start.y, end.y) + reach).rounded(.up)))
        guard left <= right, top <= bottom else { return }
        let direction = end - start
        let lengthSquared = (direction * direction).sum()
        for y in top...bottom {
            for x in left...right {
                let point = SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                let t = lengthSquared > 0 ? min(max(((point - start) * direction).sum() / lengthSquared, 0), 1) : 0
                let offset = point - (start + t * direction)
                let coverage = Float(min(max(radius + 0.5 - (offset * offset).sum().squareRoot(), 0), 1))
                let index = y * image.width + x
                if coverage > image.values[index] { image.values[index] = coverage }
            }
        }
    }
}

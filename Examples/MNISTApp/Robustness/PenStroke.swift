import Foundation

/// One movement of the pen, as the points it passes through, built from lines, elliptic
/// arcs and cubic Bézier curves, each sampled every `spacing` units of length.
///
/// Coordinates are in glyph units: y points down, a digit spans y from 0 (top) to
/// 1 (bottom). Angles are in degrees, measured as on screen: 0° is right, 90° down,
/// 270° up; an arc from 180° to 360° passes over the top.
///
/// ```swift
/// var seven = PenStroke(from: [0, 0])
/// seven.line(to: [0.6, 0])
/// seven.line(to: [0.2, 1])
/// ```
struct PenStroke: Sendable {
    /// The points, in drawing order.
    private(set) var points: [SIMD2<Double>]
    /// The largest distance between consecutive points.
    let spacing: Double

    /// A stroke that starts at `start`.
    init(from start: SIMD2<Double>, spacing: Double = 0.01) {
        points = [start]
        self.spacing = spacing
    }

    /// A stroke along the ellipse with centre `centre` and radii `radii`, from angle
    /// `start` to `end` (decreasing when `end < start`).
    init(arcAround centre: SIMD2<Double>, radii: SIMD2<Double>, from start: Double, to end: Double) {
        self.init(from: Self.point(onEllipse: centre, radii: radii, degrees: start))
        arc(around: centre, radii: radii, from: start, to: end)
    }

    /// The last point.
    var end: SIMD2<Double> { points[points.count - 1] }

    /// A straight line from the last point to `target`.
    mutating func line(to target: SIMD2<Double>) {
        let start = end
        let steps = Self.steps(forLength: Self.length(target - start), spacing: spacing)
        for step in 1...steps { points.append(start + (target - start) * (Double(step) / Double(steps))) }
    }

    /// An elliptic arc from angle `start` to `end`, starting with a line from the last
    /// point to the arc's first point when they differ.
    mutating func arc(around centre: SIMD2<Double>, radii: SIMD2<Double>, from start: Double, to end: Double) {
        line(to: Self.point(onEllipse: centre, radii: radii, degrees: start))
        let length = abs(end - start) * .pi / 180 * max(radii.x, radii.y)
        let steps = Self.steps(forLength: length, spacing: spacing)
        for step in 1...steps {
            let degrees = start + (end - start) * Double(step) / Double(steps)
            points.append(Self.point(onEllipse: centre, radii: radii, degrees: degrees))
        }
    }

    /// A cubic Bézier curve from the last point through the pull of `control1` and
    /// `control2` to `target`.
    mutating func curve(_ control1: SIMD2<Double>, _ control2: SIMD2<Double>, to target: SIMD2<Double>) {
        let start = end
        let length = Self.length(control1 - start) + Self.length(control2 - control1) + Self.length(target - control2)
        let steps = Self.steps(forLength: length, spacing: spacing)
        for step in 1...steps {
            let t = Double(step) / Double(steps)
            let s = 1 - t
            points.append(s * s * s * start + 3 * s * s * t * control1 + 3 * s * t * t * control2 + t * t * t * target)
        }
    }

    /// The stroke with every point moved by `transform`.
    func mapped(_ transform: (SIMD2<Double>) -> SIMD2<Double>) -> PenStroke {
        var copy = self
        copy.points = points.map(transform)
        return copy
    }

    private static func point(onEllipse centre: SIMD2<Double>, radii: SIMD2<Double>, degrees: Double) -> SIMD2<Double> {
        let radians = degrees * .pi / 180
        return centre + radii * SIMD2(cos(radians), sin(radians))
    }

    private static func length(_ vector: SIMD2<Double>) -> Double { (vector * vector).sum().squareRoot() }

    private static func steps(forLength length: Double, spacing: Double) -> Int {
        max(1, Int((length / spacing).rounded(.up)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumSight

/// A rotation, zoom and shift of a square greyscale image about its centre, sampled
/// bilinearly with zeros outside the image:
///
///     destination = scale · R(angle) · (source − centre) + centre + shift
///
/// with R(angle) the rotation by `angle` radians (clockwise on screen, as y points
/// down) and centre = (side − 1) / 2. Each output pixel reads the source at the
/// inverse map, source = R(−angle) · (destination − centre − shift) / scale + centre.
///
/// ```swift
/// AffineWarp(shift: (x: 3, y: 0)).apply(to: pixels, side: 28, into: &output)   // 3 pixels to the right
/// ```
public struct AffineWarp: Sendable, Equatable {
    /// The rotation in radians.
    public var angle: Double
    /// The scale factor: above 1 enlarges the digit.
    public var scale: Double
    /// The shift in pixels; positive x moves right, positive y moves down.
    public var shift: (x: Double, y: Double)

    public init(angle: Double = 0, scale: Double = 1, shift: (x: Double, y: Double) = (0, 0)) {
        precondition(scale > 0, "AffineWarp: scale \(scale) must be positive")
        self.angle = angle
        self.scale = scale
        self.shift = shift
    }

    /// A warp drawn from `settings`; always draws the same four numbers, so streams stay aligned.
    init(drawnFrom settings: AugmentationSettings, side: Int, using generator: inout SeededRandomNumberGenerator) {
        func uniform(_ amount: Double) -> Double { (2 * generator.nextUnitInterval() - 1) * amount }
        let degrees = uniform(settings.rotationDegrees)
        let maximumShift = settings.shiftFraction * Double(side)
        let shiftX = uniform(maximumShift)
        let shiftY = uniform(maximumShift)
        let scale = 1 + uniform(settings.zoomFraction)
        self.init(angle: degrees * .pi / 180, scale: scale, shift: (shiftX, shiftY))
    }

    /// Writes the warped `side` × `side` image of `source` (bytes 0–255) to
    /// `destination`, scaled to [0, 1].
    public func apply(to source: UnsafeBufferPointer<UInt8>, side: Int,
                      into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(source.count >= side * side && destination.count >= side * side,
                     "AffineWarp: buffers smaller than \(side) × \(side)")
        let centre = Float(side - 1) / 2
        let cosine = Float(cos(angle) / scale)
        let sine = Float(sin(angle) / scale)
        let shiftX = Float(shift.x)
        let shiftY = Float(shift.y)
        @inline(__always) func pixel(_ x: Int, _ y: Int) -> Float {
            x >= 0 && x < side && y >= 0 && y < side ? Float(source[y * side + x]) : 0
        }
        for row in 0..<side {
            let v = Float(row) - centre - shiftY
            for column in 0..<side {
                let u = Float(column) - centre - shiftX
                let sourceX = cosine * u + sine * v + centre
                let sourceY = -sine * u + cosine * v + centre
                let x0 = Int(sourceX.rounded(.down))
                let y0 = Int(sourceY.rounded(.down))
                let fractionX = sourceX - Float(x0)
                let fractionY = sourceY - Float(y0)
                let top = pixel(x0, y0) * (1 - fractionX) + pixel(x0 + 1, y0) * fractionX
                let bottom = pixel(x0, y0 + 1) * (1 - fractionX) + pixel(x0 + 1, y0 + 1) * fractionX
                destination[row * side + column] = (top * (1 - fractionY) + bottom * fractionY) / 255
            }
        }
    }

    public static func == (lhs: AffineWarp, rhs: AffineWarp) -> Bool {
        lhs.angle == rhs.angle && lhs.scale == rhs.scale && lhs.shift == rhs.shift
    }
}

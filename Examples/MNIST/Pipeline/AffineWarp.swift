#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumSight

/// A rotation, zoom, slant, change of proportions and shift of a square greyscale image
/// about its centre, sampled bilinearly with zeros outside the image:
///
///     destination = scale · R(angle) · H(shear) · W(aspect) · (source − centre) + centre + shift
///
/// with R(angle) the rotation by `angle` radians (clockwise on screen, as y points
/// down), H the shear x' = x − shear · y (positive leans the top to the right, as
/// forward-slanted writing does), W = diag(aspect, 1) the change of width, and
/// centre = (side − 1) / 2. Each output pixel reads the source at the inverse map,
/// source = W⁻¹ · H⁻¹ · R(−angle) · (destination − centre − shift) / scale + centre,
/// plus an optional elastic offset (``ElasticDisplacement``) at the output pixel.
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
    /// The slant: x moves by −shear · y (y from the centre, down), so 0.2 leans the top right by about 11°.
    public var shear: Double
    /// The width factor: above 1 widens the digit, its height unchanged.
    public var aspect: Double

    public init(angle: Double = 0, scale: Double = 1, shift: (x: Double, y: Double) = (0, 0),
                shear: Double = 0, aspect: Double = 1) {
        precondition(scale > 0 && aspect > 0, "AffineWarp: scale \(scale) and aspect \(aspect) must be positive")
        self.angle = angle
        self.scale = scale
        self.shift = shift
        self.shear = shear
        self.aspect = aspect
    }

    /// A warp drawn from `settings`; always draws the same six numbers, so streams stay aligned.
    init(drawnFrom settings: AugmentationSettings, side: Int, using generator: inout SeededRandomNumberGenerator) {
        func uniform(_ amount: Double) -> Double { (2 * generator.nextUnitInterval() - 1) * amount }
        let degrees = uniform(settings.rotationDegrees)
        let maximumShift = settings.shiftFraction * Double(side)
        let shiftX = uniform(maximumShift)
        let shiftY = uniform(maximumShift)
        let scale = 1 + uniform(settings.zoomFraction)
        let shear = tan(uniform(settings.shearDegrees) * .pi / 180)
        let aspect = 1 + uniform(settings.aspectFraction)
        self.init(angle: degrees * .pi / 180, scale: scale, shift: (shiftX, shiftY), shear: shear, aspect: aspect)
    }

    /// Writes the warped `side` × `side` image of `source` (bytes 0–255) to
    /// `destination`, scaled to [0, 1], each pixel read `displacement`'s offset away.
    public func apply(to source: UnsafeBufferPointer<UInt8>, side: Int,
                      into destination: UnsafeMutableBufferPointer<Float>, displacement: ElasticDisplacement? = nil) {
        precondition(source.count >= side * side && destination.count >= side * side,
                     "AffineWarp: buffers smaller than \(side) × \(side)")
        let centre = Float(side - 1) / 2
        // The inverse map's matrix, W⁻¹ · H⁻¹ · R(−angle) / scale.
        let (cosine, sine) = (cos(angle) / scale, sin(angle) / scale)
        let m00 = Float((cosine - shear * sine) / aspect)
        let m01 = Float((sine + shear * cosine) / aspect)
        let m10 = Float(-sine)
        let m11 = Float(cosine)
        let shiftX = Float(shift.x)
        let shiftY = Float(shift.y)
        let offsets = displacement?.pixelOffsets
        @inline(__always) func pixel(_ x: Int, _ y: Int) -> Float {
            x >= 0 && x < side && y >= 0 && y < side ? Float(source[y * side + x]) : 0
        }
        for row in 0..<side {
            let v = Float(row) - centre - shiftY
            for column in 0..<side {
                let u = Float(column) - centre - shiftX
                var sourceX = m00 * u + m01 * v + centre
                var sourceY = m10 * u + m11 * v + centre
                if let offsets {
                    sourceX += offsets.x[row * side + column]
                    sourceY += offsets.y[row * side + column]
                }
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
        lhs.angle == rhs.angle && lhs.scale == rhs.scale && lhs.shift == rhs.shift && lhs.shear == rhs.shear
            && lhs.aspect == rhs.aspect
    }
}

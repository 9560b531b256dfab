import Foundation
import ImageCodecs
import MNIST
import NumSight

/// Digits as people draw them on the page's 280 × 280 canvas, made by a stroke
/// synthesiser and reproducible from a seed: every ``DigitDrawingStyle`` in turn, each
/// drawing with its own slant, rotation, proportions, hand wobble, size, place and pen.
///
/// Per drawing, drawn uniformly:
/// - **slant**: a shear of ±0.35 (±19°), **rotation** ±10°, **width** × 0.75–1.3;
/// - **wobble**: each point moved by two low-frequency waves per axis, up to 0.025 of the height each;
/// - **size** (digit height): large 160–230 px (45 %), medium 100–160 px (30 %), small 50–100 px (25 %);
/// - **pen** diameter: thin 5–9 px (25 %), the page's 14–24 px (50 %), thick 28–44 px (25 %),
///   at most a quarter of the height;
/// - **place**: anywhere the digit fits, so small digits are often far off-centre.
///
/// ```swift
/// let set = RobustnessSet(seed: 17, drawingsPerDigit: 100)
/// set.drawings.count          // 1000
/// set.drawings[0].style       // .oval
/// ```
struct RobustnessSet: Sendable {
    /// One synthetic drawing.
struct Drawing: Sendable {
        /// The digit drawn.
let label: Int
        /// How it is drawn.
        let style: DigitDrawingStyle
        /// The pen's diameter in pixels.
let penDiameter: Double
        /// The digit's height before rotation, in pixels.
let height: Double
        /// Black ink on a white, opaque canvas.
let image: RGBAImage

        /// The style's name, `crossedSeven`.
var styleName: String { style.rawValue }
    }

    /// The canvas side in pixels, the page's.
static let canvasSide = 280

    /// The drawings, digit by digit (all the 0s, then the 1s, …).
let drawings: [Drawing]

    /// Draws `drawingsPerDigit` drawings of every digit from `seed`.
init(seed: UInt64 = 17, drawingsPerDigit: Int = 100) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var drawings: [Drawing] = []
        for digit in 0..<10 {
            let styles = DigitDrawingStyle.styles(of: digit)
            for index in 0..<drawingsPerDigit {
                drawings.append(Self.draw(styles[index % styles.count], using: &generator))
            }
        }
        self.drawings = drawings
    }

    /// One drawing of `style` with random slant, wobble, size, place and pen.
    static func draw(_ style: DigitDrawingStyle, using generator: inout SeededRandomNumberGenerator) -> Drawing {
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + generator.nextUnitInterval() * (range.upperBound - range.lowerBound)
        }
        let strokes = style.strokes(using: &generator)
        let shear = uniform(-0.35...0.35)
        let angle = uniform(-10...10) * .pi / 180
        let widthFactor = uniform(0.75...1.3)
        let waves = (0..<4).map { _ in
            (amplitude: uniform(0...0.025), frequency: uniform(2...6), phase: uniform(0...(2 * .pi)))
        }
        let sizeChoice = generator.nextUnitInterval()
        let height = sizeChoice < 0.45 ? uniform(160...230) : sizeChoice < 0.75 ? uniform(100...160) : uniform(50...100)
        let penChoice = generator.nextUnitInterval()
        let pen = penChoice < 0.25 ? uniform(5...9) : penChoice < 0.75 ? uniform(14...24) : uniform(28...44)
        let diameter = min(pen, 0.25 * height)

        // Glyph units → pixels about the glyph's middle (0.3, 0.5), then placed where it fits.
        let (cosine, sine) = (cos(angle), sin(angle))
        let shaped = strokes.map { stroke in
            stroke.mapped { point in
                let wobble = SIMD2(waves[0].amplitude * sin(waves[0].frequency * point.y + waves[0].phase)
                                       + waves[1].amplitude * sin(waves[1].frequency * point.x + waves[1].phase),
                                   waves[2].amplitude * sin(waves[2].frequency * point.x + waves[2].phase)
                                       + waves[3].amplitude * sin(waves[3].frequency * point.y + waves[3].phase))
                var p = point + wobble - SIMD2(0.3, 0.5)
                p.x = p.x * widthFactor - shear * p.y
                return height * SIMD2(cosine * p.x - sine * p.y, sine * p.x + cosine * p.y)
            }
        }
        let all = shaped.flatMap(\.points)
        let margin = diameter / 2 + 2
        let low = SIMD2(all.map(\.x).min()!, all.map(\.y).min()!) - margin
        let high = SIMD2(all.map(\.x).max()!, all.map(\.y).max()!) + margin
        let side = Double(canvasSide)
        let room = SIMD2(repeating: side) - (high - low)
        let offset = SIMD2(uniform(0...max(room.x, 0)), uniform(0...max(room.y, 0))) - low
        let placed = shaped.map { $0.mapped { $0 + offset } }

        let ink = RoundPen(diameter: diameter).ink(of: placed, side: canvasSide)
        let pixels = ink.values.flatMap { value -> [UInt8] in
            let grey = 255 - UInt8((value * 255).rounded())
            return [grey, grey, grey, 255]
        }
        return Drawing(label: style.label, style: style, penDiameter: diameter, height: height,
                       image: RGBAImage(width: canvasSide, height: canvasSide, pixels: pixels))
    }
}

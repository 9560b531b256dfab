import ImageCodecs
import MNIST
@testable import MNISTApp

/// Drawings of numbers made of real MNIST test digits, as a wide canvas would hold
/// them: each digit enlarged `scale` times (every pixel a `scale × scale` square),
/// inverted to black on white, the digits' 28-pixel fields side by side with `gap`
/// white pixels between them and `margin` around.
struct NumberDrawing {
    /// The drawing.
    let image: RGBAImage
    /// Each digit's 28 × 28 image, left to right: a repeated digit is a different sample each time.
    let digits: [[UInt8]]
    /// Where each digit's ink (any pixel above 0) lies in `image`, left to right.
    let inkBoxes: [(columns: Range<Int>, rows: Range<Int>)]

    static let test = try! MNISTDataset(split: .test)

    init(_ number: String, scale: Int = 4, gap: Int = 8, margin: Int = 12) {
        var used: [Character: Int] = [:]
        digits = number.map { character in
            let label = UInt8(String(character))!
            let occurrence = used[character, default: 0]
            used[character] = occurrence + 1
            let index = Self.test.labels.indices.filter { Self.test.labels[$0] == label }[occurrence]
            return Array(Self.test.image(at: index))
        }
        let field = 28 * scale
        let width = 2 * margin + digits.count * field + (digits.count - 1) * gap
        let height = 2 * margin + field
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        var inkBoxes: [(columns: Range<Int>, rows: Range<Int>)] = []
        for (position, digit) in digits.enumerated() {
            let left = margin + position * (field + gap)
            for y in 0..<field {
                for x in 0..<field {
                    let grey = 255 - digit[(y / scale) * 28 + x / scale]
                    let start = ((margin + y) * width + left + x) * 4
                    pixels.replaceSubrange(start..<(start + 3), with: [grey, grey, grey])
                }
            }
            let bounds = GreyscaleImage(width: 28, height: 28, values: digit.map { Float($0) }).bounds(above: 0)!
            inkBoxes.append((columns: (left + scale * bounds.columns.lowerBound)..<(left + scale * bounds.columns.upperBound),
                             rows: (margin + scale * bounds.rows.lowerBound)..<(margin + scale * bounds.rows.upperBound)))
        }
        image = RGBAImage(width: width, height: height, pixels: pixels)
        self.inkBoxes = inkBoxes
    }

    /// Digit `position` drawn alone: the same enlargement on a white square of its own.
    func drawingOfDigit(at position: Int, scale: Int = 4) -> RGBAImage {
        let field = 28 * scale
        let pixels = (0..<(field * field)).flatMap { index -> [UInt8] in
            let grey = 255 - digits[position][(index / field / scale) * 28 + (index % field) / scale]
            return [grey, grey, grey, 255]
        }
        return RGBAImage(width: field, height: field, pixels: pixels)
    }
}

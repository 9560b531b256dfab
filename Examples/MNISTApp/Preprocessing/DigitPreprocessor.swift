import ImageCodecs
import MNIST

/// Turns a drawing of a digit into the model's input, the way MNIST itself was made
/// (LeCun, Cortes and Burges, "The MNIST database of handwritten digits"): the digit is
/// scaled into a 20 × 20 box, keeping its aspect ratio, with anti-aliasing, then placed
/// in a 28 × 28 field so that its centre of mass is at the field's centre.
///
/// The stages, each kept in `DigitPreprocessingStages`:
/// 1. **Ink** — composite alpha onto white, take the luma, invert: white on black, 0…1
///    (`GreyscaleImage(inkOf:)`).
/// 2. **Crop** to the bounding box of the pixels whose ink exceeds `inkThreshold`.
///    Fewer than `minimumInkPixelCount` such pixels throws `.noDigitFound`.
/// 3. **Scale** so the longer side is 20 pixels, by exact area averaging
///    (`GreyscaleImage.areaScaled(longerSide:)`).
/// 4. **Centre**: with the centre of mass `(cx, cy)` of the scaled image in pixel
///    indices (`Σ x·v / Σ v`, the top-left pixel at (0, 0)), its top-left pixel goes to
///    `(round(14 − cx), round(14 − cy))` of the 28 × 28 field, so the centre of mass
///    lands within ±0.5 px of pixel index (14, 14). Anything shifted out of the field is
///    clipped, as in MNIST.
///
/// The conventions are MNIST's, measured on its 60 000 training digits (indices 0–27):
/// every centre of mass lies in [13.48, 14.50) on both axes — within ±0.5 of 14 for all
/// but two digits, which miss by 0.020 and 0.006; measured from pixel centres at
/// `i + 0.5`, or aimed at 13.5, three quarters would miss. 59 987 digits have a
/// bounding box (any ink) whose longer side is 20 px; the other 13 (twelve 7s and
/// an 8) touch the field's edge: MNIST clipped the row shifted out, rather than
/// move the digit off-centre. Running MNIST's own digits through this type gives back
/// 59 984 of 60 000 unchanged.
///
/// Guarantees: the result has 784 values in 0…1; the centre of mass of the scaled digit
/// is placed within ±0.5 px of (14, 14); and, unless that placement clips, the
/// non-zero pixels' bounding box has a longer side of exactly 20 px (every edge row
/// and column of the crop holds ink). Clipping needs a lopsided digit: a centre of
/// mass at index ≤ 5.5 or ≥ 14.5 along its 20-px side, whose middle is 9.5.
///
/// ```swift
/// let input = try DigitPreprocessor().modelInput(from: drawing)  // 784 floats, row-major
/// ```
public struct DigitPreprocessor: Sendable {
    /// Side of the field the digit is placed in: 28.
    static let fieldSide = MNISTDataset.imageSide
    /// Longer side of the digit after scaling: 20.
    static let digitSide = 20

    /// Ink above which a pixel belongs to the digit's bounding box. The default, 0,
    /// counts any ink, as MNIST did: its digits have faint edge pixels, and any higher
    /// threshold moves the box of some (1/255 none, 2/255 ten, 0.1 over 1 700 of the
    /// 10 000 test digits). A canvas is pure white; raise it (to 0.1, say) for scans or
    /// photographs, whose paper is tinted and noisy.
    var inkThreshold: Float
    /// The fewest pixels above `inkThreshold` that make a digit (default 16, a 4 × 4
    /// speck; the smallest MNIST digit has 34 at 28 × 28).
    var minimumInkPixelCount: Int

    public init(inkThreshold: Float = 0, minimumInkPixelCount: Int = 16) {
        self.inkThreshold = inkThreshold
        self.minimumInkPixelCount = minimumInkPixelCount
    }

    /// The 784 model inputs for `drawing`, row-major, 0 background to 1 ink.
    public func modelInput(from drawing: RGBAImage) throws(DigitPreprocessingError) -> [Float] {
        try stages(of: drawing).centred.values
    }

    /// Every stage of preprocessing `drawing`; the last, `centred`, is the model input.
    func stages(of drawing: RGBAImage) throws(DigitPreprocessingError) -> DigitPreprocessingStages {
        try stages(ofInk: GreyscaleImage(inkOf: drawing))
    }

    /// Every stage from stage 2 on, for a drawing already turned into ink (white on black,
    /// 0…1): one digit that `DigitSegmenter` cut out of a drawing of several, say.
    func stages(ofInk ink: GreyscaleImage) throws(DigitPreprocessingError) -> DigitPreprocessingStages {
        let inkPixelCount = ink.values.count { $0 > inkThreshold }
        guard inkPixelCount >= minimumInkPixelCount, let bounds = ink.bounds(above: inkThreshold) else {
            throw .noDigitFound(inkPixelCount: inkPixelCount)
        }
        let cropped = ink.cropped(columns: bounds.columns, rows: bounds.rows)
        let scaled = cropped.areaScaled(longerSide: Self.digitSide)
        let offset = Self.centringOffset(of: scaled)
        var centred = GreyscaleImage(width: Self.fieldSide, height: Self.fieldSide)
        for y in 0..<scaled.height where (0..<Self.fieldSide).contains(offset.y + y) {
            for x in 0..<scaled.width where (0..<Self.fieldSide).contains(offset.x + x) {
                centred[offset.x + x, offset.y + y] = min(max(scaled[x, y], 0), 1)
            }
        }
        return DigitPreprocessingStages(
            ink: ink, inkBounds: bounds, cropped: cropped, scaled: scaled, offset: offset, centred: centred)
    }

    /// Where the top-left pixel of `scaled` goes so its centre of mass lands nearest
    /// (14, 14): `round(14 − c)` per axis, halves rounded away from zero.
    private static func centringOffset(of scaled: GreyscaleImage) -> (x: Int, y: Int) {
        let centre = Double(fieldSide / 2)
        let mass = scaled.centreOfMass ?? (Double(scaled.width - 1) / 2, Double(scaled.height - 1) / 2)
        return (Int((centre - mass.x).rounded()), Int((centre - mass.y).rounded()))
    }
}

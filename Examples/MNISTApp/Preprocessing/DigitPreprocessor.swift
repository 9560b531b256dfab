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
///    indices (`Σ x·v / Σ v`), its top-left pixel goes to `(round(14 − cx), round(14 − cy))`
///    of the 28 × 28 field, so the centre of mass lands within ±0.5 px of index (14, 14).
///    This is MNIST's convention: measured on its 60 000 training digits with indices
///    0–27, the centre of mass lies in [13.48, 14.50) on both axes, within ±0.5 of 14
///    for all but two digits (which miss by 0.02 and 0.007). An offset that would push
///    ink out of the field is clamped to keep the whole digit; then, and only then, the
///    centre of mass lands further from (14, 14) — possible only if it lies more than
///    6 px from the middle of the 20-px box.
///
/// Guarantees: values lie in 0…1; the bounding box of the non-zero result has a longer
/// side of exactly 20 pixels (every edge row and column of the crop holds ink, and
/// nothing is clipped); the centre of mass is within ±0.5 px of (14, 14) unless clamped.
///
/// ```swift
/// let input = try DigitPreprocessor().modelInput(from: drawing)  // 784 floats, row-major
/// ```
public struct DigitPreprocessor: Sendable {
    /// Side of the field the digit is placed in: 28.
    public static let fieldSide = MNISTDataset.imageSide
    /// Longer side of the digit after scaling: 20.
    public static let digitSide = 20

    /// Ink above which a pixel belongs to the digit's bounding box (default 0.1: paper
    /// tint and compression noise up to 10 % grey are ignored; fainter strokes inside
    /// the box still count).
    public var inkThreshold: Float
    /// The fewest pixels above `inkThreshold` that make a digit (default 16, a 4 × 4
    /// speck; the smallest MNIST digit has 34 at 28 × 28).
    public var minimumInkPixelCount: Int

    public init(inkThreshold: Float = 0.1, minimumInkPixelCount: Int = 16) {
        self.inkThreshold = inkThreshold
        self.minimumInkPixelCount = minimumInkPixelCount
    }

    /// The 784 model inputs for `drawing`, row-major, 0 background to 1 ink.
    public func modelInput(from drawing: RGBAImage) throws(DigitPreprocessingError) -> [Float] {
        try stages(of: drawing).centred.values
    }

    /// Every stage of preprocessing `drawing`; the last, `centred`, is the model input.
    public func stages(of drawing: RGBAImage) throws(DigitPreprocessingError) -> DigitPreprocessingStages {
        let ink = GreyscaleImage(inkOf: drawing)
        let inkPixelCount = ink.values.count { $0 > inkThreshold }
        guard inkPixelCount >= minimumInkPixelCount, let bounds = ink.bounds(above: inkThreshold) else {
            throw .noDigitFound(inkPixelCount: inkPixelCount)
        }
        let cropped = ink.cropped(columns: bounds.columns, rows: bounds.rows)
        let scaled = cropped.areaScaled(longerSide: Self.digitSide)
        let offset = Self.centringOffset(of: scaled)
        var centred = GreyscaleImage(width: Self.fieldSide, height: Self.fieldSide)
        for y in 0..<scaled.height {
            for x in 0..<scaled.width {
                centred[offset.x + x, offset.y + y] = min(max(scaled[x, y], 0), 1)
            }
        }
        return DigitPreprocessingStages(
            ink: ink, inkBounds: bounds, cropped: cropped, scaled: scaled, offset: offset, centred: centred)
    }

    /// Where the top-left pixel of `scaled` goes so its centre of mass lands nearest
    /// (14, 14), clamped so the whole image stays in the field.
    private static func centringOffset(of scaled: GreyscaleImage) -> (x: Int, y: Int) {
        let centre = Double(fieldSide / 2)
        let mass = scaled.centreOfMass ?? (Double(scaled.width - 1) / 2, Double(scaled.height - 1) / 2)
        let x = Int((centre - mass.x).rounded())
        let y = Int((centre - mass.y).rounded())
        return (min(max(x, 0), fieldSide - scaled.width), min(max(y, 0), fieldSide - scaled.height))
    }
}

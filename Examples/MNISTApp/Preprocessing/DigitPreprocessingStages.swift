/// Every intermediate image of `DigitPreprocessor`, in order, for pictures that teach
/// the pipeline; `centred.values` is the model input.
struct DigitPreprocessingStages: Sendable {
    /// The whole drawing as white ink on black, 0…1.
    public var ink: GreyscaleImage
    /// Where the ink is within `ink`: the crop.
    var inkBounds: (columns: Range<Int>, rows: Range<Int>)
    /// `ink` cut to `inkBounds`.
    var cropped: GreyscaleImage
    /// `cropped` area-averaged to a longer side of 20 pixels.
    var scaled: GreyscaleImage
    /// Where `scaled`'s top-left pixel went in the 28 × 28 field.
    var offset: (x: Int, y: Int)
    /// `scaled` placed in the 28 × 28 field with its centre of mass at (14, 14).
    var centred: GreyscaleImage

}

/// Every intermediate image of `DigitPreprocessor`, in order, for pictures that teach
/// the pipeline; `centred.values` is the model input.
public struct DigitPreprocessingStages: Sendable {
    /// The whole drawing as white ink on black, 0…1.
    public var ink: GreyscaleImage
    /// Where the ink is within `ink`: the crop.
    public var inkBounds: (columns: Range<Int>, rows: Range<Int>)
    /// `ink` cut to `inkBounds`.
    public var cropped: GreyscaleImage
    /// `cropped` area-averaged to a longer side of 20 pixels.
    public var scaled: GreyscaleImage
    /// Where `scaled`'s top-left pixel went in the 28 × 28 field.
    public var offset: (x: Int, y: Int)
    /// `scaled` placed in the 28 × 28 field with its centre of mass at (14, 14).
    public var centred: GreyscaleImage

}

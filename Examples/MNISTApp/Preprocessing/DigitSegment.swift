/// One digit that `DigitSegmenter` cut out of a drawing of several: where it was drawn,
/// and its ink alone, ready for `DigitPreprocessor.stages(ofInk:)`.
struct DigitSegment: Equatable, Sendable {
    /// The drawing's columns that the digit's ink spans.
    public var columns: Range<Int>
    /// The drawing's rows that the digit's ink spans.
    var rows: Range<Int>
    /// The drawing's ink within `columns × rows`, white on black, 0…1, with the ink of
    /// every other digit and speck in that box set to 0.
    public var ink: GreyscaleImage
    /// The pixels of `ink` above the segmenter's threshold.
    var inkPixelCount: Int
}

/// One pass of a PNG image's pixels: every `xStep`-th column from `xStart` of every
/// `yStep`-th row from `yStart`.
///
/// A non-interlaced image is one pass over the whole image; Adam7 stores seven passes
/// that refine the image progressively (PNG specification, section 8.2):
///
///     1 6 4 6 2 6 4 6
///     7 7 7 7 7 7 7 7
///     5 6 5 6 5 6 5 6
///     7 7 7 7 7 7 7 7
///     3 6 4 6 3 6 4 6
///     7 7 7 7 7 7 7 7
///     5 6 5 6 5 6 5 6
///     7 7 7 7 7 7 7 7
struct PNGInterlacePass: Sendable {
    var xStart: Int
    var yStart: Int
    var xStep: Int
    var yStep: Int

    static let wholeImage = PNGInterlacePass(xStart: 0, yStart: 0, xStep: 1, yStep: 1)

    static let adam7: [PNGInterlacePass] = [
        PNGInterlacePass(xStart: 0, yStart: 0, xStep: 8, yStep: 8),
        PNGInterlacePass(xStart: 4, yStart: 0, xStep: 8, yStep: 8),
        PNGInterlacePass(xStart: 0, yStart: 4, xStep: 4, yStep: 8),
        PNGInterlacePass(xStart: 2, yStart: 0, xStep: 4, yStep: 4),
        PNGInterlacePass(xStart: 0, yStart: 2, xStep: 2, yStep: 4),
        PNGInterlacePass(xStart: 1, yStart: 0, xStep: 2, yStep: 2),
        PNGInterlacePass(xStart: 0, yStart: 1, xStep: 1, yStep: 2),
    ]

    /// Pixels per row of this pass in an image `imageWidth` wide.
    func width(imageWidth: Int) -> Int { max(0, (imageWidth - xStart + xStep - 1) / xStep) }

    /// Rows of this pass in an image `imageHeight` high.
    func height(imageHeight: Int) -> Int { max(0, (imageHeight - yStart + yStep - 1) / yStep) }
}

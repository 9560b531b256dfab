/// An image of 8-bit red, green, blue and alpha samples.
///
/// `pixels` has shape `[height, width, 4]`, row-major from the top-left corner; alpha 0
/// is transparent, 255 opaque (not premultiplied).
///
/// ```swift
/// let dot = RGBAImage(width: 1, height: 1, pixels: [255, 0, 0, 255])  // one red pixel
/// ```
public struct RGBAImage: Equatable, Sendable {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The samples, `[height, width, 4]`.
    public var pixels: [UInt8]

    /// Creates an image from `width × height × 4` samples.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 4,
                     "RGBAImage needs width × height × 4 = \(width * height * 4) samples, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The red, green, blue and alpha samples of the pixel in column `x`, row `y`.
    public func pixel(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * 4
        return pixels[start..<(start + 4)]
    }
}

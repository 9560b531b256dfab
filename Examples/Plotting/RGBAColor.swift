import ImageCodecs

/// An 8-bit red, green, blue and alpha colour, as stored in `RGBAImage`.
///
/// ```swift
/// let teal = RGBAColor(red: 0, green: 128, blue: 128)
/// RGBAColor.white.mixed(with: .black, fraction: 0.5)  // mid grey (128, 128, 128)
/// ```
public struct RGBAColor: Equatable, Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// 0 transparent, 255 opaque.
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// The colour `fraction` of the way from this one to `other` (0 this, 1 `other`),
    /// channel by channel, rounded.
    public func mixed(with other: RGBAColor, fraction: Double) -> RGBAColor {
        let t = min(max(fraction, 0), 1)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
        return RGBAColor(red: mix(red, other.red), green: mix(green, other.green),
                         blue: mix(blue, other.blue), alpha: mix(alpha, other.alpha))
    }

    public static let white = RGBAColor(red: 255, green: 255, blue: 255)
    static let black = RGBAColor(red: 0, green: 0, blue: 0)
    /// Text and axes: near-black.
    public static let ink = RGBAColor(red: 34, green: 34, blue: 34)
    /// Grid lines: light grey.
    static let grid = RGBAColor(red: 225, green: 225, blue: 225)
    /// Wrong predictions: red.
    public static let alert = RGBAColor(red: 200, green: 30, blue: 30)

    /// Distinct colours for plot series, in order (the Tableau 10 palette's first six).
    static let seriesPalette: [RGBAColor] = [
        RGBAColor(red: 31, green: 119, blue: 180),   // blue
        RGBAColor(red: 255, green: 127, blue: 14),   // orange
        RGBAColor(red: 44, green: 160, blue: 44),    // green
        RGBAColor(red: 214, green: 39, blue: 40),    // red
        RGBAColor(red: 148, green: 103, blue: 189),  // purple
        RGBAColor(red: 140, green: 86, blue: 75),    // brown
    ]
}

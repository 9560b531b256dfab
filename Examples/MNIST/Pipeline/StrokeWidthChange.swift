/// Thickens or thins the strokes of a greyscale image by greyscale morphology with the
/// plus-shaped element (a pixel and its four edge neighbours): **dilation** takes the
/// largest value over the element, which widens every stroke by about a pixel on each
/// side; **erosion** the smallest, which narrows it as much.
///
/// An `amount` of +1 is one dilation, −1 one erosion; a fraction blends the image with
/// one more step (`x + f · (step(x) − x)`), so widths change continuously; +1.5 is one
/// dilation, then half of a second.
///
/// ```swift
/// StrokeWidthChange(amount: 1).apply(to: &pixels, side: 28)   // a one-pixel dot becomes a plus
/// ```
public struct StrokeWidthChange: Sendable, Equatable {
    /// Dilation steps when positive, erosion steps when negative; 0 changes nothing.
    public var amount: Double

    public init(amount: Double) {
        self.amount = amount
    }

    /// Changes the `side` × `side` image in `pixels`, using `scratch` (as large) for the steps.
    public func apply(to pixels: UnsafeMutableBufferPointer<Float>, side: Int,
                      scratch: UnsafeMutableBufferPointer<Float>) {
        precondition(pixels.count >= side * side && scratch.count >= side * side,
                     "StrokeWidthChange: buffers smaller than \(side) × \(side)")
        let dilates = amount > 0
        var remaining = abs(amount)
        while remaining > 0 {
            let fraction = Float(min(remaining, 1))
            Self.step(pixels, side: side, dilates: dilates, into: scratch)
            for index in 0..<(side * side) { pixels[index] += fraction * (scratch[index] - pixels[index]) }
            remaining -= 1
        }
    }

    /// One dilation (the maximum over the plus) or erosion (the minimum), treating pixels
    /// outside the image as background (0).
    static func step(_ source: UnsafeMutableBufferPointer<Float>, side: Int, dilates: Bool,
                     into destination: UnsafeMutableBufferPointer<Float>) {
        for row in 0..<side {
            for column in 0..<side {
                let index = row * side + column
                let up = row > 0 ? source[index - side] : 0
                let down = row < side - 1 ? source[index + side] : 0
                let left = column > 0 ? source[index - 1] : 0
                let right = column < side - 1 ? source[index + 1] : 0
                destination[index] = dilates ? max(source[index], up, down, left, right)
                                             : min(source[index], up, down, left, right)
            }
        }
    }
}

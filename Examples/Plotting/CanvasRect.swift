/// A rectangle on a `Canvas`, in pixels from the top-left corner (y grows downwards).
public struct CanvasRect: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// The rectangle moved in by `left`, `top`, `right` and `bottom` pixels.
    func inset(left: Double, top: Double, right: Double, bottom: Double) -> CanvasRect {
        CanvasRect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// Whether `(px, py)` lies inside (edges included).
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= x && px <= maxX && py >= y && py <= maxY
    }
}

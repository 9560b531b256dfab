/// Maps data coordinates to canvas pixels: `xRange` across `area` left to right,
/// `yRange` bottom to top.
struct PlotMapping {
    let area: CanvasRect
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>

    /// The canvas position of the data point `(x, y)`.
    func point(x: Double, y: Double) -> (Double, Double) {
        let u = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let v = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
        return (area.x + u * area.width, area.maxY - v * area.height)
    }
}

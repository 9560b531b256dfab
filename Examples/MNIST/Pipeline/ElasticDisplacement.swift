import NumSight

/// A smooth random displacement of every pixel, for elastic distortion (Simard, Steinkraus
/// and Platt, "Best Practices for Convolutional Neural Networks Applied to Visual Document
/// Analysis", 2003). Simard smooths a random field per pixel with a Gaussian; here random
/// displacements sit on a coarse grid of `cells × cells` cells (`cells + 1` points a
/// side, each axis's offset drawn from N(0, amplitude²) in pixels) and are interpolated
/// bilinearly in between, which gives a similarly smooth field for a fraction of the cost.
///
/// ```swift
/// let field = ElasticDisplacement(amplitude: 1.5, cells: 4, side: 28, using: &generator)
/// field.pixelOffsets.x[7 * 28 + 3]   // 0.4, say: pixel (3, 7) reads 0.4 pixels to its right
/// ```
public struct ElasticDisplacement: Sendable, Equatable {
    /// The horizontal and vertical offsets at the grid points, row by row, `(cells + 1)²` each.
    public let gridOffsets: (x: [Double], y: [Double])
    /// The grid's cells per side.
    public let cells: Int
    /// The image side the grid spans.
    public let side: Int

    /// A field from given grid offsets (`(cells + 1)²` per axis, row by row).
    public init(gridOffsets: (x: [Double], y: [Double]), cells: Int, side: Int) {
        precondition(cells > 0 && side > 1, "ElasticDisplacement: at least one cell and two pixels")
        precondition(gridOffsets.x.count == (cells + 1) * (cells + 1) && gridOffsets.y.count == gridOffsets.x.count,
                     "ElasticDisplacement: \((cells + 1) * (cells + 1)) offsets per axis expected")
        self.gridOffsets = gridOffsets
        self.cells = cells
        self.side = side
    }

    /// A field with each grid offset drawn from N(0, amplitude²).
    public init(amplitude: Double, cells: Int, side: Int, using generator: inout SeededRandomNumberGenerator) {
        let count = (cells + 1) * (cells + 1)
        let x = (0..<count).map { _ in amplitude * generator.nextStandardNormal() }
        let y = (0..<count).map { _ in amplitude * generator.nextStandardNormal() }
        self.init(gridOffsets: (x, y), cells: cells, side: side)
    }

    /// The offset of every pixel, row by row: the bilinear blend of the four grid points
    /// around it (grid point `i` lies at pixel `i · (side − 1) / cells`), in pixels.
    public var pixelOffsets: (x: [Float], y: [Float]) {
        let stride = cells + 1
        let scale = Double(cells) / Double(side - 1)
        var offsetsX = [Float](repeating: 0, count: side * side)
        var offsetsY = [Float](repeating: 0, count: side * side)
        var rowX = [Double](repeating: 0, count: stride)
        var rowY = [Double](repeating: 0, count: stride)
        let (gridX, gridY) = gridOffsets
        for row in 0..<side {
            // The grid blended down to this row, then along it.
            let position = Double(row) * scale
            let top = min(Int(position), cells - 1)
            let fraction = position - Double(top)
            for point in 0..<stride {
                rowX[point] = gridX[top * stride + point] * (1 - fraction) + gridX[(top + 1) * stride + point] * fraction
                rowY[point] = gridY[top * stride + point] * (1 - fraction) + gridY[(top + 1) * stride + point] * fraction
            }
            for column in 0..<side {
                let position = Double(column) * scale
                let left = min(Int(position), cells - 1)
                let fraction = position - Double(left)
                offsetsX[row * side + column] = Float(rowX[left] * (1 - fraction) + rowX[left + 1] * fraction)
                offsetsY[row * side + column] = Float(rowY[left] * (1 - fraction) + rowY[left + 1] * fraction)
            }
        }
        return (offsetsX, offsetsY)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.gridOffsets == rhs.gridOffsets && lhs.cells == rhs.cells && lhs.side == rhs.side
    }
}

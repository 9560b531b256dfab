extension GreyscaleImage {
    /// The image scaled so that its longer side is `longerSide` pixels, keeping its aspect
    /// ratio, by area averaging: each new pixel is the mean of the old image over the
    /// square it covers, with partly covered old pixels weighted by their exact overlap.
    ///
    /// The scale is `s = longerSide / L` for the longer old side `L`; the shorter side
    /// `S` becomes `⌈S·s⌉` pixels, the old image filling `[0, S·s)` and the rest of the
    /// last row or column counting as background. Overlaps are exact: in units of
    /// `1/L` new pixels, an old pixel is `longerSide` units wide and a new one `L`, so
    /// every overlap is a whole number of units.
    ///
    /// ```swift
    /// // Each new pixel averages a 2 × 2 block:
    /// GreyscaleImage(width: 4, height: 2, values: [1, 1, 0, 0,  1, 1, 0, 1])
    ///     .areaScaled(longerSide: 2).values  // [1, 0.25]
    /// ```
    func areaScaled(longerSide: Int) -> GreyscaleImage {
        precondition(width > 0 && height > 0 && longerSide > 0, "cannot scale an empty image or to an empty one")
        let oldLonger = max(width, height)
        let newWidth = Self.scaledLength(width, by: longerSide, over: oldLonger)
        let newHeight = Self.scaledLength(height, by: longerSide, over: oldLonger)
        let columnWeights = Self.overlapWeights(from: width, to: newWidth, oldUnits: longerSide, newUnits: oldLonger)
        let rowWeights = Self.overlapWeights(from: height, to: newHeight, oldUnits: longerSide, newUnits: oldLonger)

        var rowsScaled = GreyscaleImage(width: newWidth, height: height)
        for y in 0..<height {
            for (newX, weights) in columnWeights.enumerated() {
                rowsScaled[newX, y] = weights.reduce(0) { $0 + $1.weight * self[$1.index, y] }
            }
        }
        var scaled = GreyscaleImage(width: newWidth, height: newHeight)
        for (newY, weights) in rowWeights.enumerated() {
            for x in 0..<newWidth {
                scaled[x, newY] = weights.reduce(0) { $0 + $1.weight * rowsScaled[x, $1.index] }
            }
        }
        return scaled
    }

    /// `⌈length · numerator / denominator⌉`.
    private static func scaledLength(_ length: Int, by numerator: Int, over denominator: Int) -> Int {
        (length * numerator + denominator - 1) / denominator
    }

    /// For each new pixel along one axis, the old pixels it overlaps and the fraction of
    /// it each covers. Old pixel `i` spans units `[i·oldUnits, (i+1)·oldUnits)`, new
    /// pixel `j` spans `[j·newUnits, (j+1)·newUnits)`.
    private static func overlapWeights(
        from oldCount: Int, to newCount: Int, oldUnits: Int, newUnits: Int
    ) -> [[(index: Int, weight: Float)]] {
        (0..<newCount).map { newIndex in
            let start = newIndex * newUnits
            let end = start + newUnits
            let first = start / oldUnits
            let last = min(oldCount - 1, (end - 1) / oldUnits)
            return (first...last).map { oldIndex in
                let overlap = min(end, (oldIndex + 1) * oldUnits) - max(start, oldIndex * oldUnits)
                return (oldIndex, Float(overlap) / Float(newUnits))
            }
        }
    }
}

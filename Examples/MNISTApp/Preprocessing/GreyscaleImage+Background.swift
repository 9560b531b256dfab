extension GreyscaleImage {
    /// The ink of the paper: the level, in steps of 1/255, that most pixels have. 0 for
    /// a drawing on white, 1 for an all-black one.
    ///
    /// ```swift
    /// GreyscaleImage(width: 3, height: 1, values: [0.5, 0.5, 1]).backgroundInk  // 0.5
    /// ```
    public var backgroundInk: Float {
        var counts = [Int](repeating: 0, count: 256)
        for value in values { counts[Int((min(max(value, 0), 1) * 255).rounded())] += 1 }
        var fullest = 0
        for level in counts.indices where counts[level] > counts[fullest] { fullest = level }
        return Float(fullest) / 255
    }

    /// The image with ink measured from the paper up: `max(0, v − b) / (1 − b)` for the
    /// background ink `b` (``backgroundInk``), so that a drawing on tinted paper, or on
    /// none at all, looks like one on white. Unchanged when the paper is white; all 0
    /// when it is black.
    public func removingBackground() -> GreyscaleImage {
        let background = backgroundInk
        guard background > 0 else { return self }
        guard background < 1 else { return GreyscaleImage(width: width, height: height) }
        let scale = 1 / (1 - background)
        return GreyscaleImage(width: width, height: height, values: values.map { max(0, $0 - background) * scale })
    }
}

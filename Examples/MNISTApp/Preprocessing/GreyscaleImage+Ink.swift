extension GreyscaleImage {
    /// The ink of a dark-on-light drawing, as white on black: each pixel is composited
    /// onto white by its alpha, reduced to its luma and inverted.
    ///
    /// With samples `r, g, b, a` in 0…1: the composite is `c·a + (1 − a)` per channel,
    /// the luma `0.299 r + 0.587 g + 0.114 b` (ITU-R BT.601, as in JPEG), the ink
    /// `1 − luma`. So a transparent pixel is white paper (ink 0), an opaque black one
    /// ink 1, and grey `(v, v, v, 255)` ink `1 − v/255`.
    ///
    /// ```swift
    /// let ink = GreyscaleImage(inkOf: RGBAImage(width: 1, height: 1, pixels: [0, 0, 0, 128]))
    /// ink.values  // [0.50196]: half-transparent black is half ink
    /// ```
    public init(inkOf image: RGBAImage) {
        let count = image.width * image.height
        let values = image.pixels.withUnsafeBufferPointer { samples in
            [Float](unsafeUninitializedCapacity: count) { values, initializedCount in
                for index in 0..<count {
                    let red = Float(samples[4 * index]) / 255
                    let green = Float(samples[4 * index + 1]) / 255
                    let blue = Float(samples[4 * index + 2]) / 255
                    let alpha = Float(samples[4 * index + 3]) / 255
                    // 1 − luma of the composite a·c + (1 − a)·white is a·(1 − luma of c).
                    values[index] = alpha * (1 - (0.299 * red + 0.587 * green + 0.114 * blue))
                }
                initializedCount = count
            }
        }
        self.init(width: image.width, height: image.height, values: values)
    }
}

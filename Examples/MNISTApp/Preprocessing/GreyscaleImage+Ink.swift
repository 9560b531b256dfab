import ImageCodecs

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
        let values = image.pixels.withUnsafeBytes { samples in
            [Float](unsafeUninitializedCapacity: count) { values, initializedCount in
                // Eight pixels at a time, each read as a little-endian word: red is its low byte.
                let vectorCount = count / 8 * 8
                for first in stride(from: 0, to: vectorCount, by: 8) {
                    let words = samples.loadUnaligned(fromByteOffset: 4 * first, as: SIMD8<UInt32>.self)
                    let ink = Self.ink(red: words, green: words &>> 8, blue: words &>> 16, alpha: words &>> 24)
                    UnsafeMutableRawPointer(values.baseAddress! + first).storeBytes(of: ink, as: SIMD8<Float>.self)
                }
                for index in vectorCount..<count {
                    let word = SIMD8<UInt32>(repeating: samples.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
                    values[index] = Self.ink(red: word, green: word &>> 8, blue: word &>> 16, alpha: word &>> 24)[0]
                }
                initializedCount = count
            }
        }
        self.init(width: image.width, height: image.height, values: values)
    }

    /// The ink of eight pixels whose samples are the low bytes of `red`, `green`, `blue` and `alpha`.
    @inline(__always)
    private static func ink(red: SIMD8<UInt32>, green: SIMD8<UInt32>, blue: SIMD8<UInt32>, alpha: SIMD8<UInt32>)
        -> SIMD8<Float>
    {
        let byte = SIMD8<UInt32>(repeating: 0xFF)
        let red = SIMD8<Float>(red & byte) / 255
        let green = SIMD8<Float>(green & byte) / 255
        let blue = SIMD8<Float>(blue & byte) / 255
        let alpha = SIMD8<Float>(alpha & byte) / 255
        // 1 − luma of the composite a·c + (1 − a)·white is a·(1 − luma of c).
        return alpha * (1 - (0.299 * red + 0.587 * green + 0.114 * blue))
    }
}

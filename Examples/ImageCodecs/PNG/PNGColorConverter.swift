/// Turns unfiltered PNG scanlines of any colour type and bit depth into 8-bit RGBA,
/// applying the palette (PLTE) and transparency (tRNS).
///
/// Samples are widened or narrowed to 8 bits: a `d`-bit value `v` becomes
/// `round(v × 255 / (2^d − 1))`, so 1-bit 1 → 255, 4-bit 7 → 119 and 16-bit 0x8080 → 128.
struct PNGColorConverter {
    let header: PNGHeader
    /// RGBA of each palette entry, 4 bytes per entry.
    private var palette: [UInt8] = []
    /// The greyscale or RGB sample values (at the image's bit depth) that mean transparent.
    private var transparentKey: SIMD4<Int>?

    init(header: PNGHeader) {
        self.header = header
    }

    var paletteCount: Int { palette.count / 4 }

    mutating func setPalette(_ data: ArraySlice<UInt8>) throws(PNGError) {
        guard palette.isEmpty else { throw .invalidPalette("more than one PLTE chunk") }
        guard header.colorType != .greyscale, header.colorType != .greyscaleAlpha else {
            throw .invalidPalette("greyscale images cannot have a palette")
        }
        let count = data.count / 3
        guard data.count % 3 == 0, (1...256).contains(count) else {
            throw .invalidPalette("\(data.count) bytes is not 1 to 256 RGB entries")
        }
        if header.colorType == .palette && count > 1 << header.bitDepth {
            throw .invalidPalette("\(count) entries do not fit \(header.bitDepth)-bit indices")
        }
        let entries = Array(data)
        palette = (0..<count).flatMap { entries[(3 * $0)..<(3 * $0 + 3)] + [255] }
    }

    mutating func setTransparency(_ data: ArraySlice<UInt8>) throws(PNGError) {
        let bytes = Array(data)
        switch header.colorType {
        case .palette:
            guard !palette.isEmpty else { throw .invalidTransparency("tRNS comes before PLTE") }
            guard bytes.count <= paletteCount else {
                throw .invalidTransparency("\(bytes.count) alpha values for \(paletteCount) palette entries")
            }
            for (index, alpha) in bytes.enumerated() { palette[4 * index + 3] = alpha }
        case .greyscale, .rgb:
            let sampleCount = header.colorType.channelCount
            guard bytes.count == 2 * sampleCount else {
                throw .invalidTransparency("\(bytes.count) bytes instead of \(2 * sampleCount)")
            }
            var key = SIMD4<Int>()
            for channel in 0..<sampleCount { key[channel] = Int(bytes[2 * channel]) << 8 | Int(bytes[2 * channel + 1]) }
            transparentKey = key
        case .greyscaleAlpha, .rgba:
            throw .invalidTransparency("images with an alpha channel cannot have tRNS")
        }
    }

    /// Writes the RGBA of the `pixelCount` pixels in `row` to pixels `firstPixel`,
    /// `firstPixel + pixelStride`, … of `pixels`.
    ///
    /// 8-bit greyscale, RGB and RGBA without a transparent key (what browsers and most
    /// programs write) are copied byte by byte; anything else goes pixel by pixel
    /// through `color(of:)`. The two agree: an 8-bit sample is its own 8-bit value.
    func convert(
        _ row: UnsafeBufferPointer<UInt8>, pixelCount: Int,
        into pixels: UnsafeMutableBufferPointer<UInt8>, firstPixel: Int, pixelStride: Int
    ) throws(PNGError) {
        precondition(row.count >= header.rowByteCount(width: pixelCount)
                     && pixels.count >= 4 * (firstPixel + (pixelCount - 1) * pixelStride + 1),
                     "scanline or image too small")
        if header.bitDepth == 8 && transparentKey == nil && header.colorType != .palette {
            copy8BitSamples(row, pixelCount: pixelCount, into: pixels, firstPixel: firstPixel, pixelStride: pixelStride)
            return
        }
        let channels = header.colorType.channelCount
        var samples = SIMD4<Int>()
        for x in 0..<pixelCount {
            for channel in 0..<channels {
                samples[channel] = sample(row, at: x * channels + channel)
            }
            let rgba = try color(of: samples)
            let destination = 4 * (firstPixel + x * pixelStride)
            for component in 0..<4 { pixels[destination + component] = rgba[component] }
        }
    }

    /// `convert` for 8-bit greyscale, RGB and RGBA without a transparent key: one loop per
    /// colour type, copying samples (a whole row at once for RGBA).
    private func copy8BitSamples(
        _ row: UnsafeBufferPointer<UInt8>, pixelCount: Int,
        into pixels: UnsafeMutableBufferPointer<UInt8>, firstPixel: Int, pixelStride: Int
    ) {
        switch header.colorType {
        case .rgba where pixelStride == 1:
            let destination = pixels.baseAddress! + 4 * firstPixel
            destination.update(from: row.baseAddress!, count: 4 * pixelCount)
        case .rgba:
            for x in 0..<pixelCount {
                let destination = 4 * (firstPixel + x * pixelStride)
                for component in 0..<4 { pixels[destination + component] = row[4 * x + component] }
            }
        case .rgb:
            for x in 0..<pixelCount {
                let destination = 4 * (firstPixel + x * pixelStride)
                for component in 0..<3 { pixels[destination + component] = row[3 * x + component] }
                pixels[destination + 3] = 255
            }
        case .greyscaleAlpha:
            for x in 0..<pixelCount {
                let destination = 4 * (firstPixel + x * pixelStride)
                for component in 0..<3 { pixels[destination + component] = row[2 * x] }
                pixels[destination + 3] = row[2 * x + 1]
            }
        case .greyscale, .palette:
            for x in 0..<pixelCount {
                let destination = 4 * (firstPixel + x * pixelStride)
                for component in 0..<3 { pixels[destination + component] = row[x] }
                pixels[destination + 3] = 255
            }
        }
    }

    /// The `index`-th sample of a scanline, at the image's bit depth.
    private func sample(_ row: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch header.bitDepth {
        case 16:
            return Int(row[2 * index]) << 8 | Int(row[2 * index + 1])
        case 8:
            return Int(row[index])
        default:
            let bitOffset = index * header.bitDepth
            let byte = Int(row[bitOffset / 8])
            return byte >> (8 - header.bitDepth - bitOffset % 8) & ((1 << header.bitDepth) - 1)
        }
    }

    private func to8Bits(_ value: Int) -> UInt8 {
        let maximum = (1 << header.bitDepth) - 1
        return UInt8((value * 255 + maximum / 2) / maximum)
    }

    /// The RGBA of a pixel whose samples are `samples[0..<channelCount]` (the rest zero).
    private func color(of samples: SIMD4<Int>) throws(PNGError) -> SIMD4<UInt8> {
        switch header.colorType {
        case .greyscale:
            let grey = to8Bits(samples[0])
            return [grey, grey, grey, samples == transparentKey ? 0 : 255]
        case .greyscaleAlpha:
            let grey = to8Bits(samples[0])
            return [grey, grey, grey, to8Bits(samples[1])]
        case .rgb:
            return [to8Bits(samples[0]), to8Bits(samples[1]), to8Bits(samples[2]), samples == transparentKey ? 0 : 255]
        case .rgba:
            return [to8Bits(samples[0]), to8Bits(samples[1]), to8Bits(samples[2]), to8Bits(samples[3])]
        case .palette:
            let index = samples[0]
            guard index < paletteCount else { throw .paletteIndexOutOfRange(index: index, paletteCount: paletteCount) }
            return [palette[4 * index], palette[4 * index + 1], palette[4 * index + 2], palette[4 * index + 3]]
        }
    }
}

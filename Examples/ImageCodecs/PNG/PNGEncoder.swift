/// Writes 8-bit PNG images: greyscale, greyscale + alpha, RGB or RGBA, not interlaced.
///
/// Each scanline gets the filter whose output has the smallest sum of absolute values
/// (read as signed bytes), the heuristic of libpng; the image data is compressed by
/// `Deflater` inside a zlib stream.
///
/// ```swift
/// let png = try PNGEncoder.encode(greys, width: 28, height: 28, colorType: .greyscale)
/// try AtomicFileWriter.write(png, to: URL(fileURLWithPath: "digit.png"))
/// ```
public enum PNGEncoder {
    /// The PNG file of an RGBA image.
    public static func encode(_ image: RGBAImage) throws(PNGEncodingError) -> [UInt8] {
        try encode(image.pixels, width: image.width, height: image.height, colorType: .rgba)
    }

    /// The PNG file of `width × height` pixels of `colorType.channelCount` 8-bit samples
    /// each, row-major from the top-left corner.
    public static func encode(
        _ pixels: [UInt8], width: Int, height: Int, colorType: PNGColorType
    ) throws(PNGEncodingError) -> [UInt8] {
        guard colorType != .palette else { throw .paletteNotSupported }
        guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height) else {
            throw .invalidSize(width: width, height: height)
        }
        let (pixelCount, overflow) = width.multipliedReportingOverflow(by: height)
        let (expected, sampleOverflow) = pixelCount.multipliedReportingOverflow(by: colorType.channelCount)
        guard !overflow, !sampleOverflow else { throw .invalidSize(width: width, height: height) }
        guard pixels.count == expected else { throw .pixelCountMismatch(expected: expected, actual: pixels.count) }

        let header = PNGHeader(width: width, height: height, bitDepth: 8, colorType: colorType, isInterlaced: false)
        let rowLength = header.rowByteCount(width: width)
        var imageData: [UInt8] = []
        imageData.reserveCapacity((rowLength + 1) * height)
        for y in 0..<height {
            let row = pixels[(y * rowLength)..<((y + 1) * rowLength)]
            let previous = y == 0 ? nil : pixels[((y - 1) * rowLength)..<(y * rowLength)]
            let candidates = PNGFilter.allCases.map { filter in
                (filter, filter.filter(row, previous: previous, stride: header.filterStride))
            }
            let (filter, filtered) = candidates.min { cost($0.1) < cost($1.1) }!
            imageData.append(filter.rawValue)
            imageData += filtered
        }
        let chunks = [
            PNGChunk(type: "IHDR", data: header.encoded[...]),
            PNGChunk(type: "IDAT", data: ZlibStream.compress(imageData)[...]),
            PNGChunk(type: "IEND", data: []),
        ]
        return PNGChunk.signature + chunks.flatMap(\.encoded)
    }

    /// The sum of the bytes' magnitudes as signed values: small for well-predicted rows.
    private static func cost(_ filtered: [UInt8]) -> Int {
        filtered.reduce(0) { $0 + abs(Int(Int8(bitPattern: $1))) }
    }
}

/// Why pixels could not be encoded as a PNG image.
public enum PNGEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Width or height is outside 1…2³¹ − 1.
    case invalidSize(width: Int, height: Int)
    /// The sample count is not width × height × channels.
    case pixelCountMismatch(expected: Int, actual: Int)
    /// Palette images are not written; encode RGB or RGBA instead.
    case paletteNotSupported

    public var description: String {
        switch self {
        case let .invalidSize(width, height): "cannot encode a \(width)×\(height) PNG: sizes must be 1…2³¹−1"
        case let .pixelCountMismatch(expected, actual): "PNG encoder needs \(expected) samples, got \(actual)"
        case .paletteNotSupported: "PNG encoder does not write palette images"
        }
    }
}

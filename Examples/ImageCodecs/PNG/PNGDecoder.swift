import Foundation

/// Decodes PNG images (ISO/IEC 15948) into 8-bit RGBA.
///
/// Supports every standard format: greyscale (1, 2, 4, 8, 16 bits), greyscale + alpha,
/// RGB and RGBA (8, 16 bits), palette (1, 2, 4, 8 bits) with PLTE and tRNS, all five
/// filters and Adam7 interlacing. Chunk CRCs are checked and ancillary chunks other than
/// tRNS are skipped. 16-bit samples are rounded to 8 bits, low-bit greyscale is scaled
/// to 0–255.
///
/// Memory stays bounded on hostile input: the size in IHDR is checked against
/// `maximumPixelCount`, and the size of the image data it implies against
/// `maximumImageDataByteCount`, before anything is inflated; the image data may inflate
/// to exactly that size, no more. Decoding then holds the inflated data and the RGBA
/// pixels (4 bytes each) at once.
///
/// ```swift
/// let image = try PNGDecoder().decode(bytes)
/// image.pixel(x: 0, y: 0)  // [r, g, b, a]
/// ```
public struct PNGDecoder: Sendable {
    /// The most pixels (width × height) an image may have.
    public var maximumPixelCount: Int
    /// The most bytes the image data may inflate to: the scanlines at the image's bit depth,
    /// each with its filter byte (`height × (1 + width × 4)` for 8-bit RGBA).
    public var maximumImageDataByteCount: Int

    /// Creates a decoder that refuses images with more than `maximumPixelCount` pixels
    /// (default 4096 × 4096) or whose image data inflates to more than
    /// `maximumImageDataByteCount` bytes (default: no limit but the pixels').
    public init(maximumPixelCount: Int = 4096 * 4096, maximumImageDataByteCount: Int = .max) {
        self.maximumPixelCount = maximumPixelCount
        self.maximumImageDataByteCount = maximumImageDataByteCount
    }

    /// Decodes the PNG file at `url`.
    public func decode(contentsOf url: URL) throws(PNGError) -> RGBAImage {
        let contents: Data
        do {
            contents = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try decode([UInt8](contents))
    }

    /// Decodes the bytes of a PNG file.
    public func decode(_ bytes: [UInt8]) throws(PNGError) -> RGBAImage {
        guard bytes.starts(with: PNGChunk.signature) else { throw .invalidSignature }
        var (chunk, next) = try PNGChunk.read(from: bytes, at: PNGChunk.signature.count)
        guard chunk.type == "IHDR" else { throw .missingHeader }
        let header = try PNGHeader(chunk.data)
        let (pixelCount, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        // Beyond 2³² pixels the buffer sizes below could overflow, whatever the caller allows.
        guard !overflow, pixelCount <= min(maximumPixelCount, 1 << 32) else {
            throw .imageTooLarge(width: header.width, height: header.height, maximumPixelCount: maximumPixelCount)
        }
        guard header.imageDataByteCount <= maximumImageDataByteCount else {
            throw .imageDataTooLarge(byteCount: header.imageDataByteCount, maximum: maximumImageDataByteCount)
        }

        var colors = PNGColorConverter(header: header)
        var compressedData: [UInt8] = []
        var hasImageData = false
        readingChunks: while true {
            (chunk, next) = try PNGChunk.read(from: bytes, at: next)
            switch chunk.type {
            case "IHDR": throw .missingHeader
            case "PLTE": try colors.setPalette(chunk.data)
            case "tRNS": try colors.setTransparency(chunk.data)
            case "IDAT":
                compressedData += chunk.data
                hasImageData = true
            case "IEND": break readingChunks
            default:
                if chunk.isCritical { throw .unsupportedCriticalChunk(chunk.type) }
            }
        }
        guard hasImageData else { throw .missingImageData }
        if header.colorType == .palette && colors.paletteCount == 0 { throw .missingPalette }

        let expectedCount = header.imageDataByteCount
        var imageData: [UInt8]
        do {
            imageData = try ZlibStream.decompress(compressedData, maximumOutputCount: expectedCount)
        } catch {
            throw .invalidImageData(error)
        }
        guard imageData.count == expectedCount else {
            throw .imageDataTooShort(expected: expectedCount, actual: imageData.count)
        }
        return try decodePixels(of: &imageData, header: header, colors: colors)
    }

    /// Unfilters each pass's scanlines in place and places their pixels in the image.
    private func decodePixels(
        of imageData: inout [UInt8], header: PNGHeader, colors: PNGColorConverter
    ) throws(PNGError) -> RGBAImage {
        var pixels = [UInt8](repeating: 0, count: header.width * header.height * 4)
        try imageData.withUnsafeMutableBufferPointer { data throws(PNGError) in
            try pixels.withUnsafeMutableBufferPointer { pixels throws(PNGError) in
                var rowStart = 0
                for pass in header.passes {
                    let passWidth = pass.width(imageWidth: header.width)
                    let passHeight = pass.height(imageHeight: header.height)
                    guard passWidth > 0, passHeight > 0 else { continue }
                    let rowLength = header.rowByteCount(width: passWidth)
                    for passRow in 0..<passHeight {
                        let filterByte = data[rowStart]
                        guard let filter = PNGFilter(rawValue: filterByte) else { throw .invalidFilterType(filterByte) }
                        let dataStart = rowStart + 1
                        let row = UnsafeMutableBufferPointer(rebasing: data[dataStart..<(dataStart + rowLength)])
                        let previous = passRow == 0 ? nil : UnsafeBufferPointer(
                            rebasing: data[(dataStart - rowLength - 1)..<(dataStart - 1)])
                        filter.unfilter(row, previous: previous, stride: header.filterStride)
                        let y = pass.yStart + passRow * pass.yStep
                        try colors.convert(
                            UnsafeBufferPointer(row), pixelCount: passWidth,
                            into: pixels, firstPixel: y * header.width + pass.xStart, pixelStride: pass.xStep)
                        rowStart = dataStart + rowLength
                    }
                }
            }
        }
        return RGBAImage(width: header.width, height: header.height, pixels: pixels)
    }
}

import ExampleTestSupport
import NumSight
import Testing
@testable import ImageCodecs

@Suite struct PNGEncoderTests {
    @Test(arguments: [PNGColorType.greyscale, .greyscaleAlpha, .rgb, .rgba])
    func encodedImagesDecodeToTheSamePixels(_ colorType: PNGColorType) throws {
        var random = SeededRandomNumberGenerator(seed: UInt64(colorType.rawValue))
        let (width, height) = (13, 7)
        let samples = random.bytes(width * height * colorType.channelCount)
        let png = try PNGEncoder.encode(samples, width: width, height: height, colorType: colorType)
        let image = try PNGDecoder().decode(png)
        let expected = stride(from: 0, to: samples.count, by: colorType.channelCount).flatMap { start in
            let pixel = Array(samples[start..<(start + colorType.channelCount)])
            switch colorType {
            case .greyscale: return [pixel[0], pixel[0], pixel[0], 255]
            case .greyscaleAlpha: return [pixel[0], pixel[0], pixel[0], pixel[1]]
            case .rgb: return pixel + [255]
            default: return pixel
            }
        }
        #expect(image.width == width && image.height == height)
        #expect(image.pixels == expected, "round trip of \(colorType) changed the pixels")
    }

    @Test func writesSignatureThenIHDRIDATIENDWithValidCRCs() throws {
        let image = RGBAImage(width: 2, height: 1, pixels: [255, 0, 0, 255, 0, 0, 255, 128])
        let png = try PNGEncoder.encode(image)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var types: [String] = []
        var next = 8
        while next < png.count {
            let (chunk, following) = try PNGChunk.read(from: png, at: next)  // checks the CRC
            types.append(chunk.type)
            next = following
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        // IHDR: width 2, height 1, bit depth 8, colour type 6, compression, filter, interlace 0.
        #expect(Array(png[16..<29]) == [0, 0, 0, 2, 0, 0, 0, 1, 8, 6, 0, 0, 0])
        #expect(try PNGDecoder().decode(png) == image)
    }

    @Test func compressesASmoothGradientWell() throws {
        let side = 128
        var pixels: [UInt8] = []
        for y in 0..<side {
            for x in 0..<side { pixels += [UInt8(x * 2), UInt8(y * 2), UInt8(x + y)] }
        }
        let png = try PNGEncoder.encode(pixels, width: side, height: side, colorType: .rgb)
        #expect(png.count < pixels.count / 20, "\(pixels.count) bytes of gradient → \(png.count) bytes of PNG")
        #expect(try PNGDecoder().decode(png).pixel(x: 5, y: 3) == [10, 6, 8, 255])
    }

    @Test func rejectsMismatchedSampleCountsAndPalettes() {
        #expect(throws: PNGEncodingError.pixelCountMismatch(expected: 12, actual: 11)) {
            try PNGEncoder.encode([UInt8](repeating: 0, count: 11), width: 2, height: 2, colorType: .rgb)
        }
        #expect(throws: PNGEncodingError.invalidSize(width: 0, height: 2)) {
            try PNGEncoder.encode([], width: 0, height: 2, colorType: .greyscale)
        }
        #expect(throws: PNGEncodingError.paletteNotSupported) {
            try PNGEncoder.encode([0], width: 1, height: 1, colorType: .palette)
        }
    }
}

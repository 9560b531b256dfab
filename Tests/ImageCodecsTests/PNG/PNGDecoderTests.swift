import ExampleTestSupport
import Testing
@testable import ImageCodecs

/// A PNG fixture and its expected RGBA pixels, from `Fixtures/png/manifest.txt`.
struct PNGFixture: CustomStringConvertible, Sendable {
    var name: String
    var width: Int
    var height: Int
    var description: String { name }

    static let all = Fixture.manifest("png/manifest.txt").map { PNGFixture(name: $0[0], width: Int($0[1])!, height: Int($0[2])!) }
}

@Suite struct PNGDecoderTests {
    let decoder = PNGDecoder()

    /// Greyscale 1/2/4/8/16-bit, grey + alpha and RGB(A) 8/16-bit, palette 1/2/4/8-bit,
    /// with and without tRNS, interlaced and not; every scanline filter is used.
    @Test(arguments: PNGFixture.all)
    func decodesEveryFormatToTheExpectedPixels(_ fixture: PNGFixture) throws {
        let image = try decoder.decode(Fixture.bytes("png/\(fixture.name).png"))
        let expected = try Fixture.bytes("png/\(fixture.name).rgba")
        #expect(image.width == fixture.width && image.height == fixture.height,
                "expected \(fixture.width)×\(fixture.height), observed \(image.width)×\(image.height)")
        #expect(image.pixels.count == expected.count)
        if let index = expected.indices.first(where: { image.pixels.indices.contains($0) && image.pixels[$0] != expected[$0] }) {
            let pixel = index / 4
            Issue.record("""
                first wrong pixel (x \(pixel % fixture.width), y \(pixel / fixture.width)): \
                expected RGBA \(Array(expected[(pixel * 4)..<(pixel * 4 + 4)])), \
                observed \(Array(image.pixels[(pixel * 4)..<(pixel * 4 + 4)]))
                """)
        }
    }

    @Test func fixturesUseEveryFilterType() throws {
        // The fixture script filters scanline n with type n mod 5: check it in rgba-8.png's image data.
        let png = try Fixture.bytes("png/rgba-8.png")
        var compressed: [UInt8] = []
        var next = PNGChunk.signature.count
        while next < png.count {
            let (chunk, following) = try PNGChunk.read(from: png, at: next)
            if chunk.type == "IDAT" { compressed += chunk.data }
            next = following
        }
        let rowLength = 1 + 5 * 4
        let imageData = try ZlibStream.decompress(compressed, maximumOutputCount: 5 * rowLength)
        let filterTypes = stride(from: 0, to: imageData.count, by: rowLength).map { imageData[$0] }
        #expect(filterTypes == [0, 1, 2, 3, 4])
    }

    @Test func rejectsDataWithoutTheSignature() throws {
        var bytes = try Fixture.bytes("png/grey-8.png")
        bytes[1] = UInt8(ascii: "Q")
        #expect(throws: PNGError.invalidSignature) { try decoder.decode(bytes) }
        #expect(throws: PNGError.invalidSignature) { try decoder.decode([]) }
    }

    @Test func rejectsAChunkWhoseCRCIsWrong() throws {
        var bytes = try Fixture.bytes("png/grey-8.png")
        bytes[bytes.count - 20] ^= 0x01  // inside the IDAT data
        #expect(throws: PNGError.chunkChecksumMismatch(chunk: "IDAT")) { try decoder.decode(bytes) }
    }

    @Test func rejectsEveryTruncation() throws {
        let bytes = try Fixture.bytes("png/palette-2.png")
        for length in 8..<bytes.count {
            #expect(throws: PNGError.truncated, "prefix of \(length) bytes") { try decoder.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func rejectsHugeDimensionsBeforeInflating() throws {
        let bytes = try Fixture.bytes("png/damaged/huge-dimensions.png")  // 100 000 × 100 000
        #expect(throws: PNGError.imageTooLarge(width: 100_000, height: 100_000, maximumPixelCount: 4096 * 4096)) {
            try decoder.decode(bytes)
        }
        #expect(throws: PNGError.imageTooLarge(width: 5, height: 5, maximumPixelCount: 24)) {
            try PNGDecoder(maximumPixelCount: 24).decode(Fixture.bytes("png/grey-8.png"))
        }
    }

    /// The image-data budget counts bytes, not pixels: 16-bit samples take twice the room.
    @Test func refusesImagesWhoseDataExceedsTheBudgetBeforeInflating() throws {
        // rgb-16.png is 5 × 5: 5 × (1 + 5 × 6) = 155 bytes of image data; 8-bit RGB would be 80.
        let strict = PNGDecoder(maximumImageDataByteCount: 154)
        #expect(throws: PNGError.imageDataTooLarge(byteCount: 155, maximum: 154)) {
            try strict.decode(Fixture.bytes("png/rgb-16.png"))
        }
        #expect(try strict.decode(Fixture.bytes("png/rgb-8.png")).width == 5)
    }

    @Test func refusesImageDataThatInflatesBeyondTheImageSize() throws {
        // A 16 × 16 greyscale image needs 16 × (1 + 16) = 272 bytes; its IDAT inflates to 1 MiB.
        let bytes = try Fixture.bytes("png/damaged/zlib-bomb.png")
        #expect(throws: PNGError.invalidImageData(.invalidCompressedData(.outputLimitExceeded(limit: 272)))) {
            try decoder.decode(bytes)
        }
    }

    @Test func rejectsImageDataShorterThanTheImage() {
        let png = makePNG(width: 1, height: 1, colorType: .greyscale, imageData: [0])
        #expect(throws: PNGError.imageDataTooShort(expected: 2, actual: 1)) { try decoder.decode(png) }
    }

    @Test func rejectsUnknownFilterTypes() {
        let png = makePNG(width: 1, height: 1, colorType: .greyscale, imageData: [5, 0])
        #expect(throws: PNGError.invalidFilterType(5)) { try decoder.decode(png) }
    }

    @Test func rejectsPaletteIndicesBeyondThePalette() {
        let palette = PNGChunk(type: "PLTE", data: [255, 0, 0, 0, 255, 0])
        let png = makePNG(width: 1, height: 1, colorType: .palette, imageData: [0, 2], extraChunks: [palette])
        #expect(throws: PNGError.paletteIndexOutOfRange(index: 2, paletteCount: 2)) { try decoder.decode(png) }
        #expect(throws: PNGError.missingPalette) {
            try decoder.decode(makePNG(width: 1, height: 1, colorType: .palette, imageData: [0, 0]))
        }
    }

    @Test func rejectsUnknownCriticalChunksAndSkipsUnknownAncillaryOnes() throws {
        let critical = PNGChunk(type: "ZZZZ", data: [1])
        #expect(throws: PNGError.unsupportedCriticalChunk("ZZZZ")) {
            try decoder.decode(makePNG(width: 1, height: 1, colorType: .greyscale, imageData: [0, 9], extraChunks: [critical]))
        }
        let ancillary = PNGChunk(type: "zzZz", data: [1])
        let image = try decoder.decode(makePNG(width: 1, height: 1, colorType: .greyscale, imageData: [0, 9], extraChunks: [ancillary]))
        #expect(image.pixels == [9, 9, 9, 255])
    }

    @Test func rejectsInvalidHeaders() {
        var header = PNGHeader(width: 1, height: 1, bitDepth: 8, colorType: .greyscale, isInterlaced: false).encoded
        header[8] = 3  // 3-bit samples
        let png = PNGChunk.signature + PNGChunk(type: "IHDR", data: header[...]).encoded
        #expect(throws: PNGError.invalidHeader("bit depth 3 is not allowed for colour type greyscale")) { try decoder.decode(png) }
        let noHeader = PNGChunk.signature + PNGChunk(type: "IEND", data: []).encoded
        #expect(throws: PNGError.missingHeader) { try decoder.decode(noHeader) }
    }

    /// An 8-bit PNG of the given image data (scanlines with their filter-type bytes).
    private func makePNG(
        width: Int, height: Int, colorType: PNGColorType, imageData: [UInt8], extraChunks: [PNGChunk] = []
    ) -> [UInt8] {
        let header = PNGHeader(width: width, height: height, bitDepth: 8, colorType: colorType, isInterlaced: false)
        let chunks = [PNGChunk(type: "IHDR", data: header.encoded[...])] + extraChunks + [
            PNGChunk(type: "IDAT", data: ZlibStream.compress(imageData)[...]),
            PNGChunk(type: "IEND", data: []),
        ]
        return PNGChunk.signature + chunks.flatMap(\.encoded)
    }
}

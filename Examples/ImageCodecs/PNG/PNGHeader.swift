/// The colour types of PNG (IHDR byte 9) and the channels each stores per pixel.
public enum PNGColorType: UInt8, Sendable {
    case greyscale = 0, rgb = 2, palette = 3, greyscaleAlpha = 4, rgba = 6

    /// Samples per pixel: palette indices count as one.
    var channelCount: Int {
        switch self {
        case .greyscale, .palette: 1
        case .greyscaleAlpha: 2
        case .rgb: 3
        case .rgba: 4
        }
    }

    /// The bit depths the PNG specification allows for this colour type.
    var allowedBitDepths: Set<Int> {
        switch self {
        case .greyscale: [1, 2, 4, 8, 16]
        case .palette: [1, 2, 4, 8]
        case .rgb, .greyscaleAlpha, .rgba: [8, 16]
        }
    }
}

/// A PNG image header (the IHDR chunk): size, sample format and interlacing.
struct PNGHeader: Equatable, Sendable {
    var width: Int
    var height: Int
    var bitDepth: Int
    var colorType: PNGColorType
    var isInterlaced: Bool

    /// Parses and validates the 13 bytes of an IHDR chunk.
    init(_ data: ArraySlice<UInt8>) throws(PNGError) {
        guard data.count == 13 else { throw .invalidHeader("IHDR has \(data.count) bytes instead of 13") }
        let bytes = Array(data)
        width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        bitDepth = Int(bytes[8])
        guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height) else {
            throw .invalidHeader("size \(width)×\(height) is outside 1…2³¹−1")
        }
        guard let colorType = PNGColorType(rawValue: bytes[9]) else {
            throw .invalidHeader("unknown colour type \(bytes[9])")
        }
        self.colorType = colorType
        guard colorType.allowedBitDepths.contains(bitDepth) else {
            throw .invalidHeader("bit depth \(bitDepth) is not allowed for colour type \(colorType)")
        }
        guard bytes[10] == 0 else { throw .invalidHeader("unknown compression method \(bytes[10])") }
        guard bytes[11] == 0 else { throw .invalidHeader("unknown filter method \(bytes[11])") }
        guard bytes[12] <= 1 else { throw .invalidHeader("unknown interlace method \(bytes[12])") }
        isInterlaced = bytes[12] == 1
    }

    init(width: Int, height: Int, bitDepth: Int, colorType: PNGColorType, isInterlaced: Bool) {
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
        self.colorType = colorType
        self.isInterlaced = isInterlaced
    }

    /// The 13 bytes of the IHDR chunk.
    var encoded: [UInt8] {
        let size = [width, height].flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return size + [UInt8(bitDepth), colorType.rawValue, 0, 0, isInterlaced ? 1 : 0]
    }

    var bitsPerPixel: Int { bitDepth * colorType.channelCount }

    /// The byte distance between a byte and the one it is filtered against (at least 1).
    var filterStride: Int { max(1, bitsPerPixel / 8) }

    /// Bytes of one scanline of `width` pixels, without its filter-type byte.
    func rowByteCount(width: Int) -> Int { (width * bitsPerPixel + 7) / 8 }

    /// The passes the image data is stored in: seven for Adam7, else one.
    var passes: [PNGInterlacePass] { isInterlaced ? PNGInterlacePass.adam7 : [.wholeImage] }

    /// The exact size of the decompressed image data: every pass's scanlines, each with
    /// its filter-type byte. Empty passes have no scanlines.
    var imageDataByteCount: Int {
        passes.reduce(0) { total, pass in
            let passWidth = pass.width(imageWidth: width)
            let passHeight = pass.height(imageHeight: height)
            return passWidth == 0 || passHeight == 0 ? total : total + passHeight * (1 + rowByteCount(width: passWidth))
        }
    }
}

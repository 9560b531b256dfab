import Foundation
import ImageCodecs
import NumSight

/// An IDX file, the container of the MNIST data: an n-dimensional array of one element
/// type, stored big-endian after a small header.
///
/// Layout (all sizes big-endian `UInt32`):
///
///     0x00 0x00  type  dimensionCount  size₀ … sizeₙ₋₁  elements (row-major)
///
/// MNIST images are `[count, 28, 28]` and labels `[count]`, both `.uint8`. Reading
/// accepts gzip-compressed files transparently.
///
/// ```swift
/// let labels = try IDXFile(contentsOf: folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
/// labels.shape        // [10000]
/// labels.data.prefix(3)  // [7, 2, 1]
/// ```
public struct IDXFile: Equatable, Sendable {
    /// The element types of the IDX specification, with their type codes.
    public enum ElementType: UInt8, Sendable {
        case uint8 = 0x08, int8 = 0x09, int16 = 0x0B, int32 = 0x0C, float32 = 0x0D, float64 = 0x0E

        /// Bytes per element.
        public var byteCount: Int {
            switch self {
            case .uint8, .int8: 1
            case .int16: 2
            case .int32, .float32: 4
            case .float64: 8
            }
        }
    }

    /// How each element is stored.
    public var elementType: ElementType
    /// The size of each dimension, outermost first.
    public var shape: [Int]
    /// The elements' bytes as stored: row-major, multi-byte elements big-endian.
    public var data: [UInt8]

    /// The default cap on a file's decompressed size: 1 GiB.
    public static let defaultMaximumByteCount = 1 << 30

    /// Creates a file from its parts, checking that `data` holds exactly the elements of `shape`.
    public init(elementType: ElementType = .uint8, shape: [Int], data: [UInt8]) throws(IDXError) {
        let expected = try Self.byteCount(of: shape, elementType: elementType)
        guard data.count == expected else { throw .dataSizeMismatch(expected: expected, actual: data.count) }
        self.elementType = elementType
        self.shape = shape
        self.data = data
    }

    /// Parses the bytes of an IDX file, gunzipping them first if they are gzip data.
    public init(decoding bytes: [UInt8], maximumByteCount: Int = defaultMaximumByteCount) throws(IDXError) {
        var bytes = bytes
        if GzipFile.hasMagic(bytes) {
            do {
                bytes = try GzipFile.decompress(bytes, maximumOutputCount: maximumByteCount)
            } catch {
                throw .invalidCompression(error)
            }
        }
        guard bytes.count >= 4 else { throw .truncatedHeader }
        guard bytes[0] == 0, bytes[1] == 0 else { throw .invalidMagic(bytes[0], bytes[1]) }
        guard let elementType = ElementType(rawValue: bytes[2]) else { throw .unknownElementType(bytes[2]) }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount > 0 else { throw .noDimensions }
        let dataStart = 4 + 4 * dimensionCount
        guard bytes.count >= dataStart else { throw .truncatedHeader }
        let shape = stride(from: 4, to: dataStart, by: 4).map { offset in
            bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        try self.init(elementType: elementType, shape: shape, data: Array(bytes[dataStart...]))
    }

    /// Reads and parses the IDX file at `url` (gzip-compressed or not).
    public init(contentsOf url: URL, maximumByteCount: Int = defaultMaximumByteCount) throws(IDXError) {
        let contents: Data
        do {
            contents = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        try self.init(decoding: [UInt8](contents), maximumByteCount: maximumByteCount)
    }

    /// The file's bytes: header, then data.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [0, 0, elementType.rawValue, UInt8(shape.count)]
        for size in shape {
            bytes += (0..<4).map { UInt8(truncatingIfNeeded: size >> (24 - 8 * $0)) }
        }
        return bytes + data
    }

    /// Writes the file atomically to `url`, gzip-compressed if its name ends in `.gz`.
    public func write(to url: URL) throws {
        let bytes = encoded()
        try AtomicFileWriter.write(url.pathExtension == "gz" ? GzipFile.compress(bytes) : bytes, to: url)
    }

    /// The data size of `shape`, rejecting sizes that a `UInt32` cannot hold or whose
    /// product overflows.
    private static func byteCount(of shape: [Int], elementType: ElementType) throws(IDXError) -> Int {
        guard (1...255).contains(shape.count) else { throw .noDimensions }
        var product = elementType.byteCount
        for size in shape {
            guard (0...Int(UInt32.max)).contains(size) else { throw .sizeTooLarge(shape) }
            let (result, overflow) = product.multipliedReportingOverflow(by: size)
            guard !overflow else { throw .sizeTooLarge(shape) }
            product = result
        }
        return product
    }
}

/// Why an IDX file could not be read.
public enum IDXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read from disk.
    case unreadableFile(path: String, reason: String)
    /// The file is gzip data that does not decompress.
    case invalidCompression(GzipError)
    /// The file ends inside its header.
    case truncatedHeader
    /// The first two bytes, which must be zero, are not.
    case invalidMagic(UInt8, UInt8)
    /// The type code is none of 0x08, 0x09, 0x0B–0x0E.
    case unknownElementType(UInt8)
    /// The dimension count is 0 (or, when creating a file, above 255).
    case noDimensions
    /// The product of the sizes overflows.
    case sizeTooLarge([Int])
    /// The data is not as long as the shape and element type require.
    case dataSizeMismatch(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason): "cannot read IDX file \(path): \(reason)"
        case let .invalidCompression(error): "IDX file is corrupt: \(error)"
        case .truncatedHeader: "IDX file is truncated inside its header"
        case let .invalidMagic(first, second): "not an IDX file: it starts with \(first) \(second) instead of 0 0"
        case let .unknownElementType(code): "IDX element type code \(code) is unknown"
        case .noDimensions: "IDX file must have 1 to 255 dimensions"
        case let .sizeTooLarge(shape): "IDX shape \(shape) is too large"
        case let .dataSizeMismatch(expected, actual):
            "IDX data has \(actual) bytes but its shape needs \(expected)"
        }
    }
}

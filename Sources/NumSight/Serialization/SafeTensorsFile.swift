import Foundation

/// A safetensors checkpoint: named tensors plus string metadata, the format
/// Hugging Face's `safetensors` library reads and writes.
///
/// On disk: an 8-byte little-endian header length `n`; `n` bytes of UTF-8
/// JSON describing each tensor's dtype, shape and `data_offsets` (relative to
/// the data section), padded with spaces to a multiple of 8; then the tensors'
/// bytes, packed without gaps.
///
///     var checkpoint = SafeTensorsFile(metadata: ["epoch": "3"])
///     checkpoint.entries["dense.weight"] = try SafeTensorsEntry(scalars: weights, shape: [784, 10])
///     try checkpoint.write(to: url)
///
///     let loaded = try SafeTensorsFile(contentsOf: url)
///     let weights = try loaded.entries["dense.weight"]?.scalars(as: Float.self)
public struct SafeTensorsFile: Equatable, Sendable {
    /// The largest header the reference implementation reads: 100 MB.
    public static let maximumHeaderByteCount = 100_000_000

    /// The tensors, by name.
    public var entries: [String: SafeTensorsEntry]
    /// Free-form strings, stored under `"__metadata__"`.
    public var metadata: [String: String]

    /// Creates a file holding `entries` and `metadata`, to encode or write.
    public init(entries: [String: SafeTensorsEntry] = [:], metadata: [String: String] = [:]) {
        self.entries = entries
        self.metadata = metadata
    }

    /// Reads and validates a safetensors file.
    ///
    /// - Throws: Foundation's error when the file cannot be read;
    ///   ``SafeTensorsError`` when its contents are not valid safetensors.
    public init(contentsOf url: URL) throws {
        let contents = try Data(contentsOf: url, options: .alwaysMapped)
        try self.init(bytes: [UInt8](contents))
    }

    /// Decodes and validates the bytes of a safetensors file, exactly as
    /// strictly as the reference implementation: the header length at most
    /// ``maximumHeaderByteCount`` and within the bytes, UTF-8 JSON of the
    /// expected shape, known dtypes, tensors tiling the data section from
    /// byte 0 with no gap, overlap or trailing byte, each spanning exactly
    /// the bytes its shape and dtype need. It never traps, whatever the bytes.
    ///
    /// - Throws: ``SafeTensorsError`` naming the first rule broken.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 8 else { throw SafeTensorsError.fileTooShort(byteCount: bytes.count) }
        let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(Self.maximumHeaderByteCount) else {
            throw SafeTensorsError.headerTooLarge(byteCount: headerLength)
        }
        let dataStart = 8 + Int(headerLength)
        guard dataStart <= bytes.count else {
            throw SafeTensorsError.headerPastEnd(headerByteCount: Int(headerLength), availableByteCount: bytes.count - 8)
        }
        let header = try SafeTensorsHeader(parsing: Array(bytes[8..<dataStart]))
        let tensors = try header.validatedLayout()

        let availableByteCount = bytes.count - dataStart
        if let overrun = tensors.first(where: { $0.end > availableByteCount }) {
            throw SafeTensorsError.truncatedData(tensor: overrun.name, end: overrun.end, availableByteCount: availableByteCount)
        }
        let dataByteCount = tensors.last?.end ?? 0
        guard dataByteCount == availableByteCount else {
            throw SafeTensorsError.trailingBytes(count: availableByteCount - dataByteCount)
        }

        var entries: [String: SafeTensorsEntry] = [:]
        for tensor in tensors {
            let data = Array(bytes[(dataStart + tensor.begin)..<(dataStart + tensor.end)])
            entries[tensor.name] = SafeTensorsEntry(validatedDType: tensor.dtype, shape: tensor.shape, data: data)
        }
        self.init(entries: entries, metadata: header.metadata)
    }
}

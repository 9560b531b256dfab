import Foundation

extension SafeTensorsFile {
    /// The bytes of this file, as the reference writer lays them out:
    /// tensors ordered by dtype alignment, descending (`U64`, `I64`, `F64`,
    /// …, `U8`, `BOOL`; see ``SafeTensorsDType``), then by name in byte
    /// order; metadata keys in byte order. The result is byte-identical to
    /// Python's `safetensors.numpy.save` for the same tensors and at most one
    /// metadata key (with more, Python's key order varies from run to run).
    ///
    /// - Throws: ``SafeTensorsError/reservedTensorName`` for a tensor named
    ///   `__metadata__`; ``SafeTensorsError/headerTooLarge(byteCount:)`` when
    ///   the header would be too large to read back.
    public func encoded() throws -> [UInt8] {
        let (header, ordered) = try layout()
        var bytes = header
        bytes.reserveCapacity(header.count + ordered.reduce(0) { $0 + $1.data.count })
        for entry in ordered {
            bytes += entry.data
        }
        return bytes
    }

    /// Writes ``encoded()`` atomically (see ``AtomicFileWriter``), one tensor
    /// at a time: `url` holds the old file or the new, never a mix.
    public func write(to url: URL) throws {
        let (header, ordered) = try layout()
        try AtomicFileWriter.write(to: url) { file in
            try file.append(header)
            for entry in ordered {
                try file.append(entry.data)
            }
        }
    }

    /// The length prefix and padded header, and the entries in writing order.
    private func layout() throws -> (header: [UInt8], entries: [SafeTensorsEntry]) {
        guard entries[SafeTensorsHeader.metadataKey] == nil else { throw SafeTensorsError.reservedTensorName }
        let ordered = entries.sorted { left, right in
            left.value.dtype != right.value.dtype
                ? left.value.dtype.writingPrecedes(right.value.dtype)
                : left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
        }
        var tensors: [SafeTensorsHeader.TensorInfo] = []
        var offset = 0
        for (name, entry) in ordered {
            let end = offset + entry.data.count
            tensors.append(.init(name: name, dtype: entry.dtype, shape: entry.shape, begin: offset, end: end))
            offset = end
        }
        let json = SafeTensorsHeader(metadata: metadata, tensors: tensors).paddedBytes()
        guard json.count <= Self.maximumHeaderByteCount else {
            throw SafeTensorsError.headerTooLarge(byteCount: UInt64(json.count))
        }
        let length = withUnsafeBytes(of: UInt64(json.count).littleEndian) { Array($0) }
        return (length + json, ordered.map(\.value))
    }
}

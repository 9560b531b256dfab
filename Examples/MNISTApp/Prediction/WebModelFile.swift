import MNIST
import NumSight

/// The model as the page's in-browser recogniser (`Web/model.js`) reads it: `model.bin`,
/// a short header naming each tensor and its shape, then the scalars as float32.
///
/// Every integer is a little-endian `UInt32`, every string UTF-8 after its byte count:
///
///     "NSWM"                      magic, 4 bytes (NumSight web model)
///     version                     1
///     architecture                count, bytes ("mnist-seed-cnn")
///     tensor count                T
///     T times: name               count, bytes ("layers.0.weight")
///              rank, dimensions   rank, then one UInt32 per axis
///              offset             where its scalars start, in bytes from the file's start
///     zeros                       up to a multiple of 4 bytes
///     scalars                     each tensor's, row-major, little-endian float32, in header order
///
/// Offsets are multiples of 4, so a reader may view the scalars in place. No JSON: the
/// header is a few hundred bytes and the seed CNN's 678,506 scalars 2.7 MB.
///
/// ```swift
/// let bytes = WebModelFile.encode(model)   // SeedCNN's parameters and buffers
/// ```
public enum WebModelFile {
    /// The file's first four bytes.
    public static let magic: [UInt8] = Array("NSWM".utf8)
    /// The layout described above.
    public static let version: UInt32 = 1

    /// The bytes of `model`'s parameters then buffers, named as in `model.state`.
    public static func encode(_ model: some Layer<Float>, architecture: String = SeedCNN.architectureName) -> [UInt8] {
        let tensors = model.namedParameters.map { ($0.name, $0.parameter.value) }
            + model.namedBuffers.map { ($0.name, $0.buffer.value) }
        return encode(tensors, architecture: architecture)
    }

    /// The bytes of `tensors`, in the order given.
    public static func encode(_ tensors: [(name: String, tensor: Tensor<Float>)], architecture: String) -> [UInt8] {
        var header = magic
        append(version, to: &header)
        append(architecture, to: &header)
        append(UInt32(tensors.count), to: &header)
        // Each entry's offset depends on the header's length, which the entries set: measure first.
        let entriesLength = tensors.map { 4 + $0.name.utf8.count + 4 + 4 * $0.tensor.shape.count + 4 }.reduce(0, +)
        var offset = (header.count + entriesLength + 3) / 4 * 4
        for (name, tensor) in tensors {
            append(name, to: &header)
            append(UInt32(tensor.shape.count), to: &header)
            for dimension in tensor.shape { append(UInt32(dimension), to: &header) }
            append(UInt32(offset), to: &header)
            offset += 4 * tensor.elementCount
        }
        var bytes = header + [UInt8](repeating: 0, count: (4 - header.count % 4) % 4)
        bytes.reserveCapacity(offset)
        for (_, tensor) in tensors {
            for scalar in tensor.scalars { append(scalar.bitPattern, to: &bytes) }
        }
        return bytes
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        append(UInt32(text.utf8.count), to: &bytes)
        bytes += text.utf8
    }
}

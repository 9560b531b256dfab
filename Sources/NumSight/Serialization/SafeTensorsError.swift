/// Why safetensors bytes could not be read, or an entry built, encoded or converted.
///
/// Reading is exactly as strict as the reference implementation, with one
/// case per rule so a test (or a user) can tell them apart; the description
/// names the offending tensor and the numbers involved.
public enum SafeTensorsError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Framing

    /// Fewer than the 8 bytes that hold the header length.
    case fileTooShort(byteCount: Int)
    /// The header length exceeds ``SafeTensorsFile/maximumHeaderByteCount``.
    case headerTooLarge(byteCount: UInt64)
    /// The header length runs past the end of the file.
    case headerPastEnd(headerByteCount: Int, availableByteCount: Int)
    /// The header's bytes are not valid UTF-8.
    case headerNotUTF8
    /// The header is not valid JSON; `byteOffset` counts from the header's start.
    case headerNotJSON(reason: String, byteOffset: Int)
    /// The header is valid JSON but not an object.
    case headerNotObject

    // MARK: Header contents

    /// `__metadata__` is neither an object nor null, or appears twice.
    case invalidMetadata(reason: String)
    /// A `__metadata__` value is not a string.
    case metadataValueNotString(key: String)
    /// A tensor's description lacks `dtype`, `shape` or `data_offsets`.
    case missingField(tensor: String, field: String)
    /// A tensor names a dtype that ``SafeTensorsDType`` does not list.
    case unknownDType(tensor: String, name: String)
    /// A tensor's description is not an object, repeats a field, or holds a
    /// field of the wrong type (a negative or fractional dimension, say).
    case invalidTensorInfo(tensor: String, reason: String)

    // MARK: Data layout (tensors taken in order of their offsets)

    /// A tensor's end offset is before its begin offset.
    case reversedOffsets(tensor: String, begin: Int, end: Int)
    /// Bytes no tensor claims before `tensor` (offsets not starting at 0, too).
    case gapBeforeTensor(tensor: String, expectedBegin: Int, begin: Int)
    /// A tensor begins before the previous one ends.
    case overlappingTensor(tensor: String, expectedBegin: Int, begin: Int)
    /// The shape's element count, or its size in bits, overflows `Int`.
    case sizeOverflow(tensor: String, shape: [Int])
    /// A sub-byte type whose element count does not fill whole bytes.
    case partialByte(tensor: String, bitCount: Int)
    /// A tensor's offsets span `byteCount` bytes where its dtype and shape need `expectedByteCount`.
    case sizeMismatch(tensor: String, dtype: SafeTensorsDType, shape: [Int], expectedByteCount: Int, byteCount: Int)
    /// The file ends before `tensor` does.
    case truncatedData(tensor: String, end: Int, availableByteCount: Int)
    /// Bytes follow the last tensor's end.
    case trailingBytes(count: Int)

    // MARK: Building, encoding, converting

    /// Data whose size does not match `dtype` and `shape`, or a shape with a
    /// negative dimension or too many elements.
    case invalidEntry(dtype: SafeTensorsDType, shape: [Int], byteCount: Int)
    /// `__metadata__` cannot name a tensor: the header reserves it.
    case reservedTensorName
    /// ``SafeTensorsEntry/scalars(as:)`` cannot convert elements of this dtype to floating point.
    case unsupportedConversion(from: SafeTensorsDType)

    /// A sentence naming the offending tensor and the numbers involved.
    public var description: String {
        switch self {
        case .fileTooShort(let byteCount):
            "file of \(byteCount) bytes is too short to hold the 8-byte header length"
        case .headerTooLarge(let byteCount):
            "header length \(byteCount) exceeds the limit of \(SafeTensorsFile.maximumHeaderByteCount) bytes"
        case .headerPastEnd(let headerByteCount, let availableByteCount):
            "header length \(headerByteCount) runs past the end of the file (\(availableByteCount) bytes follow the length)"
        case .headerNotUTF8:
            "header is not valid UTF-8"
        case .headerNotJSON(let reason, let byteOffset):
            "header is not valid JSON: \(reason) at byte \(byteOffset) of the header"
        case .headerNotObject:
            "header is not a JSON object"
        case .invalidMetadata(let reason):
            "invalid __metadata__: \(reason)"
        case .metadataValueNotString(let key):
            "__metadata__ value for \"\(key)\" is not a string"
        case .missingField(let tensor, let field):
            "tensor \"\(tensor)\" has no \"\(field)\""
        case .unknownDType(let tensor, let name):
            "tensor \"\(tensor)\" has unknown dtype \"\(name)\""
        case .invalidTensorInfo(let tensor, let reason):
            "tensor \"\(tensor)\": \(reason)"
        case .reversedOffsets(let tensor, let begin, let end):
            "tensor \"\(tensor)\" ends (\(end)) before it begins (\(begin))"
        case .gapBeforeTensor(let tensor, let expectedBegin, let begin):
            "tensor \"\(tensor)\" begins at \(begin), leaving a gap after byte \(expectedBegin)"
        case .overlappingTensor(let tensor, let expectedBegin, let begin):
            "tensor \"\(tensor)\" begins at \(begin), overlapping the previous tensor, which ends at \(expectedBegin)"
        case .sizeOverflow(let tensor, let shape):
            "tensor \"\(tensor)\" of shape \(shape) has too many elements"
        case .partialByte(let tensor, let bitCount):
            "tensor \"\(tensor)\" holds \(bitCount) bits, not a whole number of bytes"
        case .sizeMismatch(let tensor, let dtype, let shape, let expectedByteCount, let byteCount):
            "tensor \"\(tensor)\" of type \(dtype.rawValue) and shape \(shape) needs \(expectedByteCount) bytes"
                + " but its offsets span \(byteCount)"
        case .truncatedData(let tensor, let end, let availableByteCount):
            "tensor \"\(tensor)\" ends at byte \(end) of the data, but the file holds only \(availableByteCount) data bytes"
        case .trailingBytes(let count):
            "\(count) bytes follow the last tensor"
        case .invalidEntry(let dtype, let shape, let byteCount):
            "\(byteCount) bytes do not make a \(dtype.rawValue) tensor of shape \(shape)"
        case .reservedTensorName:
            "\"__metadata__\" is reserved and cannot name a tensor"
        case .unsupportedConversion(let dtype):
            "cannot convert \(dtype.rawValue) elements to floating point"
        }
    }
}

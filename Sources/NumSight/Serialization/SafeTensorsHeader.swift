/// The JSON header of a safetensors file: string metadata and, for each
/// tensor, its type, shape and byte range within the data section.
///
///     {"__metadata__":{"format":"np"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}
///
/// Parsing follows the reference (serde) rules: unknown fields of a tensor
/// are ignored, a repeated tensor name keeps its last description, a
/// repeated field is an error, `"__metadata__": null` means no metadata.
struct SafeTensorsHeader {
    struct TensorInfo {
        var name: String
        var dtype: SafeTensorsDType
        var shape: [Int]
        /// The byte range within the data section, as `data_offsets`.
        var begin: Int
        var end: Int
    }

    static let metadataKey = "__metadata__"

    var metadata: [String: String]
    var tensors: [TensorInfo]

    init(metadata: [String: String], tensors: [TensorInfo]) {
        self.metadata = metadata
        self.tensors = tensors
    }

    /// Parses header bytes (the padding spaces included).
    init(parsing bytes: [UInt8]) throws {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw SafeTensorsError.headerNotUTF8 }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw SafeTensorsError.headerNotJSON(reason: error.reason, byteOffset: error.byteOffset)
        }
        guard case .object(let members) = json else { throw SafeTensorsError.headerNotObject }

        var metadata: [String: String]?
        var tensorsByName: [String: TensorInfo] = [:]
        for (key, value) in members {
            if key == Self.metadataKey {
                guard metadata == nil else { throw SafeTensorsError.invalidMetadata(reason: "it appears twice") }
                metadata = try Self.parseMetadata(value)
            } else {
                tensorsByName[key] = try Self.parseTensorInfo(named: key, from: value)
            }
        }
        self.init(metadata: metadata ?? [:], tensors: Array(tensorsByName.values))
    }

    private static func parseMetadata(_ value: JSONValue) throws -> [String: String] {
        switch value {
        case .null:
            return [:]
        case .object(let members):
            var metadata: [String: String] = [:]
            for (key, value) in members {
                guard case .string(let text) = value else { throw SafeTensorsError.metadataValueNotString(key: key) }
                metadata[key] = text
            }
            return metadata
        default:
            throw SafeTensorsError.invalidMetadata(reason: "expected an object, found \(value.kind)")
        }
    }

    private static func parseTensorInfo(named name: String, from value: JSONValue) throws -> TensorInfo {
        guard case .object(let members) = value else {
            throw SafeTensorsError.invalidTensorInfo(tensor: name, reason: "expected an object, found \(value.kind)")
        }
        var dtype: SafeTensorsDType?
        var shape: [Int]?
        var offsets: [Int]?
        var seenFields: Set<String> = []
        for (field, value) in members where ["dtype", "shape", "data_offsets"].contains(field) {
            guard seenFields.insert(field).inserted else {
                throw SafeTensorsError.invalidTensorInfo(tensor: name, reason: "duplicate field \"\(field)\"")
            }
            switch field {
            case "dtype":
                guard case .string(let dtypeName) = value else {
                    throw SafeTensorsError.invalidTensorInfo(tensor: name, reason: "dtype is \(value.kind), not a string")
                }
                guard let known = SafeTensorsDType(rawValue: dtypeName) else {
                    throw SafeTensorsError.unknownDType(tensor: name, name: dtypeName)
                }
                dtype = known
            case "shape":
                shape = try integers(in: value, tensor: name, field: field)
            default:
                let pair = try integers(in: value, tensor: name, field: field)
                guard pair.count == 2 else {
                    throw SafeTensorsError.invalidTensorInfo(
                        tensor: name, reason: "data_offsets holds \(pair.count) numbers, not 2")
                }
                offsets = pair
            }
        }
        guard let dtype else { throw SafeTensorsError.missingField(tensor: name, field: "dtype") }
        guard let shape else { throw SafeTensorsError.missingField(tensor: name, field: "shape") }
        guard let offsets else { throw SafeTensorsError.missingField(tensor: name, field: "data_offsets") }
        return TensorInfo(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// An array of JSON integers in `0...Int.max`, written without fraction
    /// or exponent (serde reads `1.0` and `-0` as floats, not sizes).
    private static func integers(in value: JSONValue, tensor: String, field: String) throws -> [Int] {
        guard case .array(let elements) = value else {
            throw SafeTensorsError.invalidTensorInfo(tensor: tensor, reason: "\(field) is \(value.kind), not an array")
        }
        return try elements.map { element in
            guard case .number(let literal) = element, !literal.hasPrefix("-"), let integer = Int(literal) else {
                let found = if case .number(let literal) = element { literal } else { element.kind }
                throw SafeTensorsError.invalidTensorInfo(
                    tensor: tensor, reason: "\(field) holds \(found), not an integer in 0...\(Int.max)")
            }
            return integer
        }
    }

    /// The tensors in order of their offsets, once checked to tile the data
    /// section from byte 0 without gaps or overlaps, each spanning exactly
    /// the bytes its type and shape need.
    func validatedLayout() throws -> [TensorInfo] {
        let ordered = tensors.sorted { left, right in
            (left.begin, left.end) != (right.begin, right.end)
                ? (left.begin, left.end) < (right.begin, right.end)
                : left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
        }
        var expectedBegin = 0
        for tensor in ordered {
            guard tensor.begin <= tensor.end else {
                throw SafeTensorsError.reversedOffsets(tensor: tensor.name, begin: tensor.begin, end: tensor.end)
            }
            guard tensor.begin <= expectedBegin else {
                throw SafeTensorsError.gapBeforeTensor(tensor: tensor.name, expectedBegin: expectedBegin, begin: tensor.begin)
            }
            guard tensor.begin == expectedBegin else {
                throw SafeTensorsError.overlappingTensor(tensor: tensor.name, expectedBegin: expectedBegin, begin: tensor.begin)
            }
            guard let bitCount = SafeTensorsEntry.bitCount(dtype: tensor.dtype, shape: tensor.shape) else {
                throw SafeTensorsError.sizeOverflow(tensor: tensor.name, shape: tensor.shape)
            }
            guard bitCount % 8 == 0 else { throw SafeTensorsError.partialByte(tensor: tensor.name, bitCount: bitCount) }
            guard tensor.end - tensor.begin == bitCount / 8 else {
                throw SafeTensorsError.sizeMismatch(
                    tensor: tensor.name, dtype: tensor.dtype, shape: tensor.shape,
                    expectedByteCount: bitCount / 8, byteCount: tensor.end - tensor.begin)
            }
            expectedBegin = tensor.end
        }
        return ordered
    }

    /// The compact JSON, metadata first (keys in byte order) and tensors in
    /// stored order, padded with spaces to a multiple of 8 bytes.
    func paddedBytes() -> [UInt8] {
        var members: [(key: String, value: JSONValue)] = []
        if !metadata.isEmpty {
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            members.append((Self.metadataKey, .object(keys.map { ($0, .string(metadata[$0] ?? "")) })))
        }
        for tensor in tensors {
            members.append((tensor.name, .object([
                ("dtype", .string(tensor.dtype.rawValue)),
                ("shape", .array(tensor.shape.map { .number(String($0)) })),
                ("data_offsets", .array([.number(String(tensor.begin)), .number(String(tensor.end))])),
            ])))
        }
        var bytes = JSONValue.object(members).serialized()
        bytes += Array(repeating: UInt8(ascii: " "), count: (8 - bytes.count % 8) % 8)
        return bytes
    }
}

extension JSONValue {
    /// What kind of value this is, for error messages.
    fileprivate var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number(let literal): "the number \(literal)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}


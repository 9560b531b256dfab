import Foundation
import Testing
import NumSight

/// A damaged file and the error the reader must report for it.
struct DamagedFile: Sendable, CustomTestStringConvertible {
    var rule: String
    var bytes: [UInt8]
    var expected: SafeTensorsError
    var testDescription: String { rule }
}

private let fourBytes: [UInt8] = [0, 0, 0x80, 0x3F]

let damagedFiles: [DamagedFile] = [
    DamagedFile(rule: "fewer than 8 bytes", bytes: [4, 0, 0, 0, 0, 0, 0], expected: .fileTooShort(byteCount: 7)),
    DamagedFile(rule: "header length over 100 MB", bytes: littleEndianBytes(100_000_001) + Array("{}".utf8),
                expected: .headerTooLarge(byteCount: 100_000_001)),
    DamagedFile(rule: "header length UInt64.max", bytes: littleEndianBytes(.max),
                expected: .headerTooLarge(byteCount: .max)),
    DamagedFile(rule: "header past the end", bytes: littleEndianBytes(64) + Array("{}        ".utf8),
                expected: .headerPastEnd(headerByteCount: 64, availableByteCount: 10)),
    DamagedFile(rule: "header not UTF-8", bytes: littleEndianBytes(8) + [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D, 0x20],
                expected: .headerNotUTF8),
    DamagedFile(rule: "header not JSON", bytes: safeTensorsBytes(header: #"{"w":"#),
                expected: .headerNotJSON(reason: "unexpected end of input", byteOffset: 5)),
    DamagedFile(rule: "trailing comma", bytes: safeTensorsBytes(header: #"{"w":{},}"#),
                expected: .headerNotJSON(reason: "expected a string key", byteOffset: 8)),
    DamagedFile(rule: "padding with NUL instead of spaces", bytes: safeTensorsBytes(header: "{}\0"),
                expected: .headerNotJSON(reason: "trailing characters", byteOffset: 2)),
    DamagedFile(rule: "lone surrogate in a name", bytes: safeTensorsBytes(header: #"{"\ud800":{}}"#),
                expected: .headerNotJSON(reason: "lone leading surrogate", byteOffset: 8)),
    DamagedFile(rule: "nesting deeper than 128",
                bytes: safeTensorsBytes(header: String(repeating: "[", count: 129) + String(repeating: "]", count: 129)),
                expected: .headerNotJSON(reason: "nesting deeper than 128", byteOffset: 128)),
    DamagedFile(rule: "header an array", bytes: safeTensorsBytes(header: "[]"), expected: .headerNotObject),
    DamagedFile(rule: "metadata value a number",
                bytes: safeTensorsBytes(header: #"{"__metadata__":{"format":"np","epoch":3}}"#),
                expected: .metadataValueNotString(key: "epoch")),
    DamagedFile(rule: "metadata an array", bytes: safeTensorsBytes(header: #"{"__metadata__":[]}"#),
                expected: .invalidMetadata(reason: "expected an object, found an array")),
    DamagedFile(rule: "metadata twice", bytes: safeTensorsBytes(header: #"{"__metadata__":{},"__metadata__":{}}"#),
                expected: .invalidMetadata(reason: "it appears twice")),
    DamagedFile(rule: "unknown dtype",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"f32","shape":[1],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .unknownDType(tensor: "w", name: "f32")),
    DamagedFile(rule: "missing shape",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .missingField(tensor: "w", field: "shape")),
    DamagedFile(rule: "missing data_offsets",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1]}}"#, data: fourBytes),
                expected: .missingField(tensor: "w", field: "data_offsets")),
    DamagedFile(rule: "tensor info not an object", bytes: safeTensorsBytes(header: #"{"w":1}"#),
                expected: .invalidTensorInfo(tensor: "w", reason: "expected an object, found the number 1")),
    DamagedFile(rule: "repeated field",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .invalidTensorInfo(tensor: "w", reason: "duplicate field \"dtype\"")),
    DamagedFile(rule: "dtype not a string",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .invalidTensorInfo(tensor: "w", reason: "dtype is the number 32, not a string")),
    DamagedFile(rule: "negative dimension",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .invalidTensorInfo(tensor: "w", reason: "shape holds -1, not an integer in 0...9223372036854775807")),
    DamagedFile(rule: "fractional dimension",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .invalidTensorInfo(tensor: "w", reason: "shape holds 1.0, not an integer in 0...9223372036854775807")),
    DamagedFile(rule: "offset beyond UInt64",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,18446744073709551616]}}"#),
                expected: .invalidTensorInfo(tensor: "w", reason: "data_offsets holds 18446744073709551616, not an integer in 0...9223372036854775807")),
    DamagedFile(rule: "three offsets",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4,4]}}"#, data: fourBytes),
                expected: .invalidTensorInfo(tensor: "w", reason: "data_offsets holds 3 numbers, not 2")),
    DamagedFile(rule: "offsets not starting at 0",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: fourBytes + fourBytes),
                expected: .gapBeforeTensor(tensor: "w", expectedBegin: 0, begin: 4)),
    DamagedFile(rule: "gap between tensors",
                bytes: safeTensorsBytes(
                    header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
                    data: fourBytes + fourBytes + fourBytes),
                expected: .gapBeforeTensor(tensor: "b", expectedBegin: 4, begin: 8)),
    DamagedFile(rule: "overlapping tensors",
                bytes: safeTensorsBytes(
                    header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                    data: fourBytes + fourBytes),
                expected: .overlappingTensor(tensor: "b", expectedBegin: 8, begin: 4)),
    DamagedFile(rule: "end before begin",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}"#, data: fourBytes),
                expected: .reversedOffsets(tensor: "w", begin: 4, end: 0)),
    DamagedFile(rule: "size mismatch with shape",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}"#,
                                        data: Array(repeating: 0, count: 20)),
                expected: .sizeMismatch(tensor: "w", dtype: .float32, shape: [2, 3], expectedByteCount: 24, byteCount: 20)),
    DamagedFile(rule: "element count overflowing Int",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .sizeOverflow(tensor: "w", shape: [4_611_686_018_427_387_904, 4])),
    DamagedFile(rule: "bit count overflowing Int",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F64","shape":[4611686018427387904],"data_offsets":[0,4]}}"#, data: fourBytes),
                expected: .sizeOverflow(tensor: "w", shape: [4_611_686_018_427_387_904])),
    DamagedFile(rule: "sub-byte tensor ending mid-byte",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}}"#, data: [0, 0]),
                expected: .partialByte(tensor: "w", bitCount: 12)),
    DamagedFile(rule: "truncated data",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: fourBytes),
                expected: .truncatedData(tensor: "w", end: 8, availableByteCount: 4)),
    DamagedFile(rule: "trailing bytes",
                bytes: safeTensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: fourBytes + [1, 2, 3]),
                expected: .trailingBytes(count: 3)),
]

extension SerializationTests {
    @Suite struct SafeTensorsValidationTests {
        @Test(arguments: damagedFiles)
        func readingRejectsDamagedFile(_ file: DamagedFile) {
            #expect(throws: file.expected) { try SafeTensorsFile(bytes: file.bytes) }
        }

        @Test func errorDescriptionNamesTensorAndNumbers() {
            let error = SafeTensorsError.sizeMismatch(tensor: "w", dtype: .float32, shape: [2, 3], expectedByteCount: 24, byteCount: 20)
            #expect(error.description == #"tensor "w" of type F32 and shape [2, 3] needs 24 bytes but its offsets span 20"#)
        }

        @Test func corruptedFilesLoadOrThrowButNeverTrap() throws {
            let original = try [UInt8](Data(contentsOf: fixtureURL("reference_dtypes.safetensors")))
            var generator = SeededGenerator(state: 2024)
            var rejectedCount = 0
            for _ in 0..<2000 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = UInt8.random(in: 0...255, using: &generator)
                }
                if Bool.random(using: &generator) {
                    bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator))
                }
                do {
                    _ = try SafeTensorsFile(bytes: bytes)
                } catch is SafeTensorsError {
                    rejectedCount += 1
                }
            }
            #expect(rejectedCount > 1000)
        }

        // MARK: What the reference accepts, we accept

        @Test func readingIgnoresUnknownFieldsAndKeepsLastOfRepeatedNames() throws {
            let bytes = safeTensorsBytes(
                header: #"  {"__metadata__":null,"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"#
                    + #""w":{"note":[],"data_offsets":[0,2],"shape":[2],"dtype":"U8"}}"#,
                data: [7, 9])
            let file = try SafeTensorsFile(bytes: bytes)
            #expect(file.metadata == [:])
            #expect(file.entries == ["w": try SafeTensorsEntry(dtype: .uint8, shape: [2], data: [7, 9])])
        }

        @Test func readingAcceptsAnyOffsetOrderEmptyTensorsAndEscapedNames() throws {
            let bytes = safeTensorsBytes(
                header: #"{"b":{"dtype":"U8","shape":[1],"data_offsets":[1,2]},"\u0061\ud83d\ude00":{"dtype":"U8","shape":[],"#
                    + #""data_offsets":[0,1]},"none":{"dtype":"F32","shape":[0,3],"data_offsets":[2,2]}}"#,
                data: [5, 6])
            let file = try SafeTensorsFile(bytes: bytes)
            #expect(file.entries["a😀"] == (try SafeTensorsEntry(dtype: .uint8, shape: [], data: [5])))
            #expect(file.entries["b"] == (try SafeTensorsEntry(dtype: .uint8, shape: [1], data: [6])))
            #expect(file.entries["none"] == (try SafeTensorsEntry(dtype: .float32, shape: [0, 3], data: [])))
        }
    }
}

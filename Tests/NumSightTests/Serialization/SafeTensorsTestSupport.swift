import Foundation

/// Groups the tests of `Sources/NumSight/Serialization`, so that
/// `swift test --filter Serialization` runs them.
enum SerializationTests {}

/// The bytes of a safetensors file with this header text (unpadded, as
/// written) and data section.
func safeTensorsBytes(header: String, data: [UInt8] = []) -> [UInt8] {
    let json = Array(header.utf8)
    return littleEndianBytes(UInt64(json.count)) + json + data
}

func littleEndianBytes(_ value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// A committed file of `Fixtures/`, found next to this source file.
func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// A new empty folder, removed by `body`'s caller via the returned URL.
func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("NumSightTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

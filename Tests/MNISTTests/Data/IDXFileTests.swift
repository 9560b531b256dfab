import Foundation
import ImageCodecs
import Testing
import MNIST

@Suite struct IDXFileTests {
    /// A 2 × 3 array of unsigned bytes, as the IDX specification lays it out.
    let twoByThree: [UInt8] = [0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]

    @Test func parsesTypeShapeAndData() throws {
        let file = try IDXFile(decoding: twoByThree)
        #expect(file.elementType == .uint8)
        #expect(file.shape == [2, 3])
        #expect(file.data == [1, 2, 3, 4, 5, 6])
    }

    @Test func encodesToTheBytesItWasParsedFrom() throws {
        #expect(try IDXFile(decoding: twoByThree).encoded() == twoByThree)
        let int32s = try IDXFile(elementType: .int32, shape: [2], data: [0, 0, 1, 0, 0, 0, 0, 7])
        #expect(int32s.encoded() == [0, 0, 0x0C, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 7])
    }

    @Test func readsGzipCompressedFilesTransparently() throws {
        #expect(try IDXFile(decoding: GzipFile.compress(twoByThree)) == IDXFile(decoding: twoByThree))
    }

    @Test func rejectsFilesThatDoNotStartWithTwoZeroBytes() {
        var bytes = twoByThree
        bytes[0] = 1
        #expect(throws: IDXError.invalidMagic(1, 0)) { try IDXFile(decoding: bytes) }
    }

    @Test func rejectsUnknownElementTypes() {
        var bytes = twoByThree
        bytes[2] = 0x0A
        #expect(throws: IDXError.unknownElementType(0x0A)) { try IDXFile(decoding: bytes) }
    }

    @Test func rejectsDataShorterOrLongerThanTheShape() {
        #expect(throws: IDXError.dataSizeMismatch(expected: 6, actual: 5)) { try IDXFile(decoding: twoByThree.dropLast()) }
        #expect(throws: IDXError.dataSizeMismatch(expected: 6, actual: 7)) { try IDXFile(decoding: twoByThree + [7]) }
        #expect(throws: IDXError.dataSizeMismatch(expected: 8, actual: 2)) {
            try IDXFile(elementType: .float32, shape: [2], data: [0, 0])
        }
    }

    @Test func rejectsTruncatedHeadersAndZeroDimensions() {
        #expect(throws: IDXError.truncatedHeader) { try IDXFile(decoding: [0, 0, 8]) }
        #expect(throws: IDXError.truncatedHeader) { try IDXFile(decoding: Array(twoByThree.prefix(10))) }
        #expect(throws: IDXError.noDimensions) { try IDXFile(decoding: [0, 0, 8, 0]) }
    }

    @Test func rejectsShapesWhoseSizeOverflows() {
        let huge: [UInt8] = [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12)
        let size = Int(UInt32.max)
        #expect(throws: IDXError.sizeTooLarge([size, size, size])) { try IDXFile(decoding: huge) }
    }

    @Test func rejectsCorruptGzipData() throws {
        var packed = GzipFile.compress(twoByThree)
        packed[packed.count - 5] ^= 0xFF
        #expect(throws: IDXError.self) { try IDXFile(decoding: packed) }
    }

    @Test func writesFilesAtomicallyAndReadsThemBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("IDXFileTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try IDXFile(decoding: twoByThree)
        for name in ["plain-idx2-ubyte", "packed-idx2-ubyte.gz"] {
            let url = folder.appendingPathComponent(name)
            try file.write(to: url)
            try file.write(to: url)  // replacing an existing file
            #expect(try IDXFile(contentsOf: url) == file, "\(name) did not read back equal")
        }
        let packed = try [UInt8](Data(contentsOf: folder.appendingPathComponent("packed-idx2-ubyte.gz")))
        #expect(GzipFile.hasMagic(packed))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["packed-idx2-ubyte.gz", "plain-idx2-ubyte"], "temporary files left behind: \(names)")
    }

    @Test func reportsUnreadableFiles() {
        #expect(throws: IDXError.self) { try IDXFile(contentsOf: URL(fileURLWithPath: "/nonexistent/file-idx1-ubyte")) }
    }
}

import Foundation
import ImageCodecs
import Testing
import MNIST

@Suite struct MNISTDatasetTests {
    @Test func loadsTheBundledTestSet() throws {
        let test = try MNISTDataset(split: .test)
        #expect(test.count == 10_000)
        #expect(test.images.count == 10_000 * 28 * 28)
        #expect(Array(test.labels.prefix(5)) == [7, 2, 1, 0, 4])
        let expectedCounts = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
        #expect(test.labelCounts == expectedCounts, "expected \(expectedCounts), observed \(test.labelCounts)")
        // The first test digit, a 7: background in the corner, ink in its top bar.
        let seven = test.image(at: 0)
        #expect(seven.count == 784)
        #expect(seven.first == 0)
        #expect(seven.max() == 255)
    }

    @Test func loadsTheBundledTrainingSetWithTheKnownClassCounts() throws {
        let training = try MNISTDataset(split: .training)
        #expect(training.count == 60_000)
        let expectedCounts = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
        #expect(training.labelCounts == expectedCounts, "expected \(expectedCounts), observed \(training.labelCounts)")
        // MD5 of the raw training images is 6bbc9ace898e44ae57da46a324031adb; CRC-32 computed by Python's zlib:
        #expect(CRC32.checksum(of: training.images) == 0xF363_9B56)
    }

    @Test func acceptsUncompressedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("MNISTDatasetTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pixels = [UInt8](repeating: 9, count: 2 * 784)
        try IDXFile(shape: [2, 28, 28], data: pixels).write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
        try IDXFile(shape: [2], data: [3, 8]).write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte"))
        let dataset = try MNISTDataset(split: .test, directory: folder)
        #expect(dataset.labels == [3, 8])
        #expect(dataset.images == pixels)
    }

    @Test func rejectsMismatchedCountsAndLabelsThatAreNotDigits() {
        #expect(throws: MNISTError.countMismatch(images: 2, labels: 3)) {
            try MNISTDataset(images: [UInt8](repeating: 0, count: 2 * 784), labels: [1, 2, 3])
        }
        #expect(throws: MNISTError.invalidLabel(10, index: 1)) {
            try MNISTDataset(images: [UInt8](repeating: 0, count: 2 * 784), labels: [1, 10])
        }
    }

    @Test func rejectsImagesThatAreNot28By28() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("MNISTDatasetTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try IDXFile(shape: [1, 27, 29], data: [UInt8](repeating: 0, count: 27 * 29))
            .write(to: folder.appendingPathComponent("train-images-idx3-ubyte.gz"))
        try IDXFile(shape: [1], data: [5]).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        #expect(throws: MNISTError.unexpectedShape(file: "images", expected: "[count, 28, 28] of uint8", actual: [1, 27, 29])) {
            try MNISTDataset(split: .training, directory: folder)
        }
    }

    @Test func reportsAMissingFile() {
        #expect(throws: MNISTError.missingFile(name: "t10k-images-idx3-ubyte[.gz]", directory: "/nonexistent")) {
            try MNISTDataset(split: .test, directory: URL(fileURLWithPath: "/nonexistent"))
        }
    }
}

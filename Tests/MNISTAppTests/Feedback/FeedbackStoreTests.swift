import ExampleTestSupport
import Foundation
import ImageCodecs
import NumSight
import Testing
@testable import MNISTApp

/// The store keeps every acknowledged sample through torn writes, flipped bits, a full
/// file and many threads at once.
@Suite struct FeedbackStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FeedbackStoreTests-\(UUID().uuidString)")

    /// Sample `index`: label `index % 10`, pixels from a seeded generator.
    static func sample(_ index: Int) -> FeedbackSample {
        var generator = SeededRandomNumberGenerator(seed: UInt64(index) + 1)
        return FeedbackSample(label: index % 10, pixels: generator.bytes(784))
    }

    var fileURL: URL { FeedbackStore.fileURL(in: folder) }

    func fileBytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: fileURL)) }

    func removeFolder() { try? FileManager.default.removeItem(at: folder) }

    @Test func samplesRoundTripInOrderBehindTheHeader() throws {
        defer { removeFolder() }
        let store = try FeedbackStore(folder: folder)
        #expect(try FeedbackStore.read(from: folder).samples.isEmpty)
        for index in 0..<5 { #expect(try store.append(Self.sample(index)) == index + 1) }
        let contents = try FeedbackStore.read(from: folder)
        #expect(contents.samples == (0..<5).map(Self.sample))
        #expect(contents.damageReport == nil)
        let bytes = try fileBytes()
        #expect(bytes.count == 8 + 5 * 789)
        #expect(Array(bytes[0..<8]) == Array("NSFB".utf8) + [0, 0, 0, 1])
        // The first record: label, pixels, then the big-endian CRC-32 of both.
        let body = [UInt8(0)] + Self.sample(0).pixels
        let crc = CRC32.checksum(of: body)
        #expect(Array(bytes[8..<(8 + 785)]) == body)
        #expect(Array(bytes[(8 + 785)..<(8 + 789)]) == [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: crc >> $0) })
        // A second store on the same folder sees the records and counts on from them.
        #expect(try FeedbackStore(folder: folder).append(Self.sample(5)) == 6)
    }

    @Test func aTornLastRecordIsIgnoredThenCutOffByTheNextAppend() throws {
        defer { removeFolder() }
        let store = try FeedbackStore(folder: folder)
        for index in 0..<3 { try store.append(Self.sample(index)) }
        let handle = try FileHandle(forUpdating: fileURL)
        try handle.truncate(atOffset: UInt64(8 + 2 * 789 + 300))  // the third record, cut mid-write
        try handle.close()

        let torn = try FeedbackStore.read(from: folder)
        #expect(torn.samples == [Self.sample(0), Self.sample(1)])
        #expect(torn.tornTailByteCount == 300)
        #expect(torn.damageReport == "skipped 0 corrupt record(s) and a torn tail of 300 bytes")

        let reopened = try FeedbackStore(folder: folder)
        #expect(try reopened.append(Self.sample(7)) == 3)
        let repaired = try FeedbackStore.read(from: folder)
        #expect(repaired.samples == [Self.sample(0), Self.sample(1), Self.sample(7)])
        #expect(repaired.damageReport == nil)
    }

    @Test func aRecordWithAFlippedByteIsSkippedAndTheRestKept() throws {
        defer { removeFolder() }
        let store = try FeedbackStore(folder: folder)
        for index in 0..<4 { try store.append(Self.sample(index)) }
        var bytes = try fileBytes()
        bytes[8 + 1 * 789 + 400] ^= 0x01  // a pixel of the second record
        bytes[8 + 3 * 789] = 0xFF  // the fourth record's label byte
        try Data(bytes).write(to: fileURL)

        let contents = try FeedbackStore.read(from: folder)
        #expect(contents.samples == [Self.sample(0), Self.sample(2)])
        #expect(contents.recordCount == 4)
        #expect(contents.corruptRecordIndices == [1, 3])
        #expect(contents.damageReport == "skipped 2 corrupt record(s) at 1, 3")
    }

    @Test func theCapIsEnforcedWithNothingHalfWritten() throws {
        defer { removeFolder() }
        let store = try FeedbackStore(folder: folder, maximumSampleCount: 3)
        for index in 0..<3 { try store.append(Self.sample(index)) }
        #expect(throws: FeedbackStoreError.full(capacity: 3)) { try store.append(Self.sample(3)) }
        #expect(try fileBytes().count == 8 + 3 * 789)
        #expect(throws: FeedbackStoreError.full(capacity: 3)) {
            try FeedbackStore(folder: folder, maximumSampleCount: 3).append(Self.sample(4))
        }
        #expect(try FeedbackStore.read(from: folder).samples.count == 3)
    }

    @Test func concurrentAppendsAllLand() throws {
        defer { removeFolder() }
        let store = try FeedbackStore(folder: folder)
        let threads = 8
        let perThread = 25
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for offset in 0..<perThread {
                do { try store.append(Self.sample(thread * perThread + offset)) } catch { failures.increment() }
            }
        }
        #expect(failures.value == 0)
        let contents = try FeedbackStore.read(from: folder)
        #expect(contents.damageReport == nil)
        #expect(Set(contents.samples.map(\.pixels)) == Set((0..<(threads * perThread)).map { Self.sample($0).pixels }))
        #expect(try store.append(Self.sample(999)) == threads * perThread + 1)
    }

    @Test func anotherFileIsRefused() throws {
        defer { removeFolder() }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("hello, world".utf8).write(to: fileURL)
        #expect(throws: FeedbackStoreError.notAFeedbackFile(path: fileURL.path)) { try FeedbackStore(folder: folder) }
        #expect(throws: FeedbackStoreError.notAFeedbackFile(path: fileURL.path)) { try FeedbackStore.read(from: folder) }
    }

    @Test func modelInputsBecomeBytesAndBadOnesAreRefused() throws {
        let sample = try FeedbackSample(label: 3, modelInput: [0, 0.5, 1] + [Float](repeating: 0.2, count: 781))
        #expect(Array(sample.pixels.prefix(4)) == [0, 128, 255, 51])
        #expect(throws: FeedbackSampleError.labelOutOfRange(10)) {
            try FeedbackSample(label: 10, modelInput: [Float](repeating: 0, count: 784))
        }
        #expect(throws: FeedbackSampleError.wrongPixelCount(783)) {
            try FeedbackSample(label: 1, modelInput: [Float](repeating: 0, count: 783))
        }
        #expect(throws: FeedbackSampleError.valueOutOfRange(index: 5)) {
            try FeedbackSample(label: 1, modelInput: [Float](repeating: 0, count: 5) + [1.5] + [Float](repeating: 0, count: 778))
        }
    }
}

/// A count several threads increment.
final class LockedCounter: @unchecked Sendable {  // `count` is guarded by `lock`
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}

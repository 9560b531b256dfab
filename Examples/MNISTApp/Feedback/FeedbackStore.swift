import Foundation
import ImageCodecs
import MNIST
import NumSight
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The digits users corrected on the page, kept in one append-only file that survives
/// crashes: `samples.bin` in the store's folder.
///
/// Layout (integers big-endian):
///
///     "NSFB"  version: UInt32 = 1                          the 8-byte header
///     label: UInt8  pixels: 784 × UInt8  crc: UInt32       each 789-byte record
///
/// `pixels` are the 28×28 model input, row-major, 0 background to 255 full ink (as in
/// MNIST); `crc` is the CRC-32 of the label and pixels. A record is appended with one
/// `write` and an `fsync` before ``append(_:)`` returns, so an acknowledged sample is
/// on disk. A crash mid-write leaves at most a torn tail, which reading ignores and
/// the next append cuts off; a record whose CRC does not match is skipped. Both are
/// reported in ``Contents``. Appends from several threads are serialised; one process
/// at a time should write a store.
///
/// ```swift
/// let store = try FeedbackStore(folder: URL(fileURLWithPath: "runs/mnist/feedback"))
/// let count = try store.append(FeedbackSample(label: 7, pixels: pixels))  // records in the file
/// let contents = try FeedbackStore.read(from: store.folder)
/// contents.samples.count, contents.corruptRecordIndices, contents.tornTailByteCount
/// ```
public final class FeedbackStore: @unchecked Sendable {  // `recordCount` and the file are guarded by `lock`
    /// The name of the file inside the folder.
    static let fileName = "samples.bin"
    /// The default cap: 100,000 samples, about 79 MB.
    public static let defaultMaximumSampleCount = 100_000

    static let magic: [UInt8] = Array("NSFB".utf8)
    static let version: UInt32 = 1
    static let headerByteCount = 8
    static let recordByteCount = 1 + MNISTDataset.pixelsPerImage + 4

    /// The folder holding ``fileName``.
    public let folder: URL
    /// The most records the file may hold; appends beyond it throw ``FeedbackStoreError/full(capacity:)``.
    public let maximumSampleCount: Int

    private let lock = NSLock()
    private var recordCount: Int

    /// The file in `folder`.
    static func fileURL(in folder: URL) -> URL { folder.appendingPathComponent(fileName) }

    /// Opens the store in `folder`, creating the folder and an empty file (atomically) if need be.
    ///
    /// - Throws: ``FeedbackStoreError/notAFeedbackFile(path:)`` for a file with another header,
    ///   or a file-system error.
    public init(folder: URL, maximumSampleCount: Int = defaultMaximumSampleCount) throws {
        precondition(maximumSampleCount >= 0, "FeedbackStore: the cap must not be negative")
        self.folder = folder
        self.maximumSampleCount = maximumSampleCount
        let url = Self.fileURL(in: folder)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFileWriter.write(Self.header, to: url)
        }
        let contents = try Self.read(from: folder)
        recordCount = contents.recordCount
        if contents.tornTailByteCount > 0 {
            // Never acknowledged (its fsync did not return): cut it so later records stay aligned.
            guard truncate(url.path, off_t(Self.headerByteCount + recordCount * Self.recordByteCount)) == 0 else {
                throw FeedbackStoreError.fileSystem(operation: "truncate the torn tail of", path: url.path)
            }
        }
    }

    /// Appends `sample` durably and returns the number of records in the file, this one included.
    ///
    /// - Throws: ``FeedbackStoreError/full(capacity:)`` when the file holds ``maximumSampleCount``
    ///   records (nothing is written), or ``FeedbackStoreError/systemCallFailed(operation:path:reason:)``.
    @discardableResult
    public func append(_ sample: FeedbackSample) throws -> Int {
        let record = Self.record(for: sample)
        return try lock.withLock {
            guard recordCount < maximumSampleCount else { throw FeedbackStoreError.full(capacity: maximumSampleCount) }
            let path = Self.fileURL(in: folder).path
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { throw FeedbackStoreError.fileSystem(operation: "open", path: path) }
            defer { close(descriptor) }
            let written = record.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == record.count else {
                let failure = FeedbackStoreError.fileSystem(operation: "write", path: path)
                // A short write would misalign every later record: cut it off again.
                _ = ftruncate(descriptor, off_t(Self.headerByteCount + recordCount * Self.recordByteCount))
                throw failure
            }
            guard fsync(descriptor) == 0 else { throw FeedbackStoreError.fileSystem(operation: "fsync", path: path) }
            recordCount += 1
            return recordCount
        }
    }

    /// The samples in `folder`'s file (none if there is no file), skipping damaged records.
    ///
    /// - Throws: ``FeedbackStoreError/notAFeedbackFile(path:)`` for a file with another header.
    static func read(from folder: URL) throws -> Contents {
        let url = fileURL(in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return Contents() }
        return try decode([UInt8](try Data(contentsOf: url)), path: url.path)
    }

    /// Parses a whole file's bytes.
    static func decode(_ bytes: [UInt8], path: String) throws -> Contents {
        guard bytes.count >= headerByteCount, Array(bytes[0..<headerByteCount]) == header else {
            throw FeedbackStoreError.notAFeedbackFile(path: path)
        }
        var contents = Contents()
        contents.recordCount = (bytes.count - headerByteCount) / recordByteCount
        contents.tornTailByteCount = (bytes.count - headerByteCount) % recordByteCount
        for index in 0..<contents.recordCount {
            let start = headerByteCount + index * recordByteCount
            let body = bytes[start..<(start + recordByteCount - 4)]
            let stored = bytes[(start + recordByteCount - 4)..<(start + recordByteCount)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard CRC32.checksum(of: body) == stored, body[start] < MNISTDataset.classCount else {
                contents.corruptRecordIndices.append(index)
                continue
            }
            contents.samples.append(FeedbackSample(label: Int(body[start]), pixels: Array(body.dropFirst())))
        }
        return contents
    }

    /// The record of `sample`: label, pixels, CRC-32.
    static func record(for sample: FeedbackSample) -> [UInt8] {
        let body = [UInt8(sample.label)] + sample.pixels
        let crc = CRC32.checksum(of: body)
        return body + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (24 - 8 * $0)) }
    }

    static var header: [UInt8] { magic + (0..<4).map { UInt8(truncatingIfNeeded: version >> (24 - 8 * $0)) } }

    /// What a store's file holds.
    struct Contents: Sendable {
        /// The intact samples, in the order they were appended.
        var samples: [FeedbackSample] = []
        /// The whole records in the file, intact or not.
        public var recordCount = 0
        /// The positions (from 0) of records skipped because their CRC or label is wrong.
        var corruptRecordIndices: [Int] = []
        /// The bytes after the last whole record: a write cut short by a crash.
        var tornTailByteCount = 0

        /// The samples as a dataset, for training and evaluation.
        public var dataset: MNISTDataset {
            // Labels were checked on reading and each sample holds 784 pixels: this cannot fail.
            try! MNISTDataset(images: samples.flatMap(\.pixels), labels: samples.map { UInt8($0.label) })
        }

        /// One line on what was skipped, or `nil` when the file is intact.
        var damageReport: String? {
            guard !corruptRecordIndices.isEmpty || tornTailByteCount > 0 else { return nil }
            return "skipped \(corruptRecordIndices.count) corrupt record(s)"
                + (corruptRecordIndices.isEmpty ? "" : " at \(corruptRecordIndices.prefix(10).map(String.init).joined(separator: ", "))")
                + (tornTailByteCount > 0 ? " and a torn tail of \(tornTailByteCount) bytes" : "")
        }
    }
}

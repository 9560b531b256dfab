import Foundation

/// Replaces a file in one step, so that readers, and a crash or power cut,
/// see either the old contents or the new, never a mix.
///
/// The bytes go to a temporary file in the destination's folder, which is
/// flushed to disk (`fsync`) and renamed over the destination; the folder is
/// then flushed so the rename itself is durable. If anything fails before the
/// rename, the temporary file is removed and the destination is untouched.
///
/// The temporary file is named `.<name>.<pid>.<random>.tmp` after the destination and
/// the writing process. A process killed while writing leaves its file behind; the
/// next write to the same destination removes it (any whose process no longer runs).
///
///     try AtomicFileWriter.write(to: url) { file in
///         try file.append(header)
///         try file.append(body)
///     }
public struct AtomicFileWriter {
    private let descriptor: Int32
    private let path: String

    /// Replaces `destination` with `bytes`.
    public static func write(_ bytes: [UInt8], to destination: URL) throws {
        try write(to: destination) { try $0.append(bytes) }
    }

    /// Replaces `destination` with whatever `body` appends, so large files
    /// need not be assembled in memory first.
    ///
    /// - Throws: ``FileWriteError``, or what `body` throws; either way the
    ///   destination is left as it was.
    public static func write(to destination: URL, _ body: (inout AtomicFileWriter) throws -> Void) throws {
        let folder = destination.deletingLastPathComponent().path
        removeStrayTemporaryFiles(of: destination)
        let suffix = String(getpid()) + "." + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let temporaryPath = folder + "/." + destination.lastPathComponent + "." + suffix + ".tmp"

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(operation: "create", path: temporaryPath) }
        var writer = AtomicFileWriter(descriptor: descriptor, path: temporaryPath)
        do {
            try body(&writer)
            guard fsync(descriptor) == 0 else { throw FileWriteError(operation: "fsync", path: temporaryPath) }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        guard close(descriptor) == 0 else {
            let failure = FileWriteError(operation: "close", path: temporaryPath)
            unlink(temporaryPath)
            throw failure
        }
        guard rename(temporaryPath, destination.path) == 0 else {
            let failure = FileWriteError(operation: "rename over \(destination.path)", path: temporaryPath)
            unlink(temporaryPath)
            throw failure
        }
        try synchronizeFolder(atPath: folder)
    }

    /// Appends `bytes` to the temporary file.
    public mutating func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    guard errno == EINTR else { throw FileWriteError(operation: "write", path: path) }
                } else {
                    offset += written
                }
            }
        }
    }

    /// Removes the temporary files that writers of `destination` left when they were killed:
    /// those named for it whose process no longer exists. Best effort: a folder that cannot
    /// be listed is left alone, and the write itself reports any real problem.
    private static func removeStrayTemporaryFiles(of destination: URL) {
        let folder = destination.deletingLastPathComponent().path
        let prefix = "." + destination.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count).split(separator: ".")
            guard middle.count == 2, let owner = pid_t(middle[0]), owner > 0, owner != getpid(),
                  kill(owner, 0) != 0 && errno == ESRCH
            else {
                continue
            }
            unlink(folder + "/" + name)
        }
    }

    /// Makes the folder's entries, a rename among them, durable.
    private static func synchronizeFolder(atPath folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriteError(operation: "open folder", path: folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileWriteError(operation: "fsync folder", path: folder) }
    }
}

/// A system call of ``AtomicFileWriter`` failed.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done: `"create"`, `"write"`, `"fsync"`, `"rename over …"`.
    public var operation: String
    /// The file or folder the call was about.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// Captures the current `errno`.
    init(operation: String, path: String) {
        self.operation = operation
        self.path = path
        self.code = errno
    }

    /// The operation, the path and the system's message for ``code``, such as
    /// `fsync folder /data/runs: Input/output error`.
    public var description: String {
        "\(operation) \(path): \(String(cString: strerror(code)))"
    }
}

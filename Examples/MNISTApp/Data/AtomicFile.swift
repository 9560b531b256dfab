import Foundation

/// Writes files so that readers see either the old contents or the new, never a mix:
/// the bytes go to a temporary file in the same folder, are flushed to disk (`fsync`),
/// and the temporary file is renamed over the destination.
///
/// ```swift
/// try AtomicFile.write(bytes, to: URL(fileURLWithPath: "digits.idx"))
/// ```
public enum AtomicFile {
    /// Replaces the file at `url` with `bytes`, atomically.
    public static func write(_ bytes: [UInt8], to url: URL) throws(AtomicFileError) {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temporaryPath = folder + "/." + url.lastPathComponent + ".\(UUID().uuidString).tmp"

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(operation: "create", path: temporaryPath, code: errno) }
        var isRenamed = false
        defer { if !isRenamed { unlink(temporaryPath) } }

        var written = 0
        let failure: AtomicFileError? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return AtomicFileError(operation: "write", path: temporaryPath, code: errno) }
                written += result
            }
            return nil
        }
        if let failure {
            close(descriptor)
            throw failure
        }
        guard fsync(descriptor) == 0 else {
            let error = AtomicFileError(operation: "fsync", path: temporaryPath, code: errno)
            close(descriptor)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else { throw AtomicFileError(operation: "rename", path: path, code: errno) }
        isRenamed = true

        // Make the rename itself durable.
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

/// A system call that failed while writing a file atomically.
public struct AtomicFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failed step: `create`, `write`, `fsync` or `rename`.
    public var operation: String
    /// The file the step worked on.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    public var description: String {
        "could not \(operation) \(path): \(String(cString: strerror(code)))"
    }
}

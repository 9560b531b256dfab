#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a ``FeedbackStore`` cannot take or give samples.
public enum FeedbackStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file already holds `capacity` records; nothing was written.
    case full(capacity: Int)
    /// The file does not start with the store's header (another file, or another version).
    case notAFeedbackFile(path: String)
    /// A system call failed: `operation` (`"write"`, `"fsync"`, …) on `path`, with the system's `reason`.
    case systemCallFailed(operation: String, path: String, reason: String)
    /// `operation` on `path` failed because the disk (or the user's quota) is full; nothing was stored.
    case outOfSpace(operation: String, path: String)

    /// The failure of `operation` on `path`, with the reason `errno` gives now.
    static func fileSystem(operation: String, path: String) -> FeedbackStoreError {
        let code = errno
        if code == ENOSPC || code == EDQUOT { return .outOfSpace(operation: operation, path: path) }
        return .systemCallFailed(operation: operation, path: path, reason: String(cString: strerror(code)))
    }

    public var description: String {
        switch self {
        case let .full(capacity): "the feedback store is full: it holds its limit of \(capacity) samples"
        case let .notAFeedbackFile(path): "\(path) is not a feedback store file (version 1)"
        case let .systemCallFailed(operation, path, reason): "\(operation) \(path): \(reason)"
        case let .outOfSpace(operation, path): "\(operation) \(path): \(String(cString: strerror(ENOSPC)))"
        }
    }
}

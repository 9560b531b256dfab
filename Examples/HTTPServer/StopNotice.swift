import Foundation
import Glibc

/// A pipe that becomes readable, and stays readable, once the server starts stopping,
/// so the event loop blocked in `poll` wakes up without sharing any other state.
final class StopNotice: @unchecked Sendable {  // `posted` is guarded by `lock`
    private let readEnd: Int32
    private let writeEnd: Int32
    private let lock = NSLock()
    private var posted = false

    init() throws(HTTPServerError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .systemCall("pipe", errno: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Makes `descriptor` readable for good; later calls do nothing.
    func post() {
        let isFirst = lock.withLock {
            defer { posted = true }
            return !posted
        }
        guard isFirst else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Whether `post()` has been called.
    var isPosted: Bool {
        lock.withLock { posted }
    }

    /// The end to `poll` for `POLLIN`: readable from the first `post()` on, forever.
    var descriptor: Int32 { readEnd }
}

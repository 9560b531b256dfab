import Glibc

/// A pipe that wakes a thread blocked in `poll`: any thread calls `post()`, the polling
/// thread watches `descriptor` and calls `drain()` when it is readable.
final class WakeUpPipe: @unchecked Sendable {  // the descriptors never change; the kernel serialises the calls
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws(HTTPServerError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .systemCall("pipe", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// The end to `poll` for `POLLIN`.
    var descriptor: Int32 { readEnd }

    /// Makes `descriptor` readable (a full pipe is readable already).
    func post() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe, so that `descriptor` is readable again only after the next `post()`.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}

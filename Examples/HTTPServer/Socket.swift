import Glibc

/// A TCP socket: the handful of POSIX calls the server makes, with `EINTR` retried and
/// `SIGPIPE` suppressed (`MSG_NOSIGNAL`).
///
/// A value type over a file descriptor; whoever accepted or opened it calls `close()` once.
struct Socket: Sendable {
    let descriptor: Int32

    /// A non-blocking socket bound to `host:port` and listening (`port` 0 picks a free port).
    static func listening(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var addresses: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &addresses) == 0, let address = addresses else {
            throw .cannotResolve(host: host)
        }
        defer { freeaddrinfo(addresses) }

        let descriptor = socket(address.pointee.ai_family,
                                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .systemCall("socket", errno: errno) }
        let socket = Socket(descriptor: descriptor)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            let code = errno
            socket.close()
            throw .systemCall("bind", errno: code)
        }
        guard listen(descriptor, backlog) == 0 else {
            let code = errno
            socket.close()
            throw .systemCall("listen", errno: code)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return socket
    }

    /// The port this socket is bound to.
    var localPort: Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return 0 }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
    }

    /// The next pending connection (a blocking socket, close-on-exec), or `nil` if none is
    /// waiting (`errno` is `EAGAIN`) or accepting failed.
    func accept() -> Socket? {
        while true {
            let client = Glibc.accept(descriptor, nil, nil)
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return Socket(descriptor: client)
            }
            if errno != EINTR { return nil }
        }
    }

    /// Bounds every later `send` (`SO_SNDTIMEO`).
    func setSendTimeout(_ timeout: Duration) {
        let milliseconds = timeout.milliseconds
        var value = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Appends up to `maximumCount` received bytes to `buffer`; returns how many (0 at end of stream, -1 on error).
    func receive(appendingTo buffer: inout [UInt8], maximumCount: Int, waiting: Bool = true) -> Int {
        let flags = waiting ? Int32(0) : Int32(MSG_DONTWAIT)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumCount) { chunk in
            var count: Int
            repeat {
                count = recv(descriptor, chunk.baseAddress, maximumCount, flags)
            } while count < 0 && errno == EINTR
            if count > 0 { buffer.append(contentsOf: chunk.prefix(count)) }
            return count
        }
    }

    /// Sends all of `bytes`; `false` if the peer went away or the send timeout passed.
    @discardableResult
    func send(_ bytes: [UInt8], waiting: Bool = true) -> Bool {
        let flags = Int32(MSG_NOSIGNAL) | (waiting ? 0 : Int32(MSG_DONTWAIT))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, flags)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Tells the peer nothing more will be sent, while still reading what it sends.
    func shutdownWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Waits until there is something to receive (`true`), or `deadline` passes (`false`).
    func wait(until deadline: ContinuousClock.Instant) -> Bool {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let timeout = Int32(clamping: max(0, (deadline - .now).milliseconds))
            let count = poll(&descriptors, 1, timeout)
            if count < 0 && errno == EINTR { continue }
            return count > 0
        }
    }
}

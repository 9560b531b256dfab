import Foundation
import Glibc
import HTTPServer

/// A loopback TCP client that sends exactly the bytes it is given, so tests can speak malformed
/// HTTP, and reads responses under a deadline so no test can hang.
public final class RawClient {
    public struct Response {
        public var statusCode: Int
        public var headers: HTTPHeaders
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(descriptor)
            throw Failure(description: "connect failed: errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    public func send(_ text: String) {
        send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// One response (a `100 Continue` is returned like any other); throws at end of stream or timeout.
    /// A response to `HEAD` has no body whatever its `Content-Length` says.
    public func readResponse(toHead: Bool = false, timeout: Duration = .seconds(3)) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                    .components(separatedBy: "\r\n")
                let statusParts = lines[0].split(separator: " ")
                guard statusParts.count >= 2, let code = Int(statusParts[1]) else {
                    throw Failure(description: "malformed status line: \(lines[0])")
                }
                var headers = HTTPHeaders()
                for line in lines.dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    headers.add(parts[1].trimmingCharacters(in: .whitespaces), for: String(parts[0]))
                }
                let length = toHead ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
                while buffer.count < end.upperBound + length {
                    try receive(until: deadline)
                }
                let body = Array(buffer[end.upperBound..<(end.upperBound + length)])
                buffer.removeFirst(end.upperBound + length)
                return Response(statusCode: code, headers: headers, body: body)
            }
            try receive(until: deadline)
        }
    }

    /// Whether the server closes the connection within `timeout`, discarding anything it sends first.
    public func isClosedByServer(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                try receive(until: deadline)
            } catch {
                return (error as? Failure)?.description == "closed"
            }
        }
    }

    private func receive(until deadline: ContinuousClock.Instant) throws {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let (seconds, attoseconds) = (deadline - .now).components
        let timeout = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        guard poll(&descriptors, 1, timeout) > 0 else { throw Failure(description: "timed out") }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "closed") }
        buffer += chunk[..<count]
    }
}

import Foundation

/// One client connection while its next request arrives: the bytes received so far and
/// how far they have been parsed. The event loop feeds it whatever the socket has, and it
/// says when a whole request (or an error to answer) is ready; it never blocks.
///
/// Deadlines: a new connection must start a request within `readTimeout`, a kept-alive one
/// within `idleTimeout`; from its first byte a request's head must arrive within
/// `headTimeout`, and the whole request within `readTimeout`.
struct HTTPConnection {
    let socket: Socket
    /// When the loop gives up on this connection: see ``isAwaitingRequest``.
    private(set) var deadline: ContinuousClock.Instant
    /// Received bytes not yet consumed: the request being read, then any pipelined ones.
    private var buffer: [UInt8] = []
    /// When the current request's first byte arrived; `nil` between requests.
    private var requestStart: ContinuousClock.Instant?
    /// The current request's parsed head, once it is complete.
    private var head: (request: HTTPRequest, target: String, bodyStart: Int, bodyLength: Int)?
    /// How much of `buffer` is known to hold no end of head.
    private var scanned = 0
    private var hasSentContinue = false

    /// What the bytes received so far amount to.
    enum Progress {
        /// More bytes are needed.
        case incomplete
        /// A whole request, its raw target for the log, and when its first byte arrived.
        case request(HTTPRequest, target: String, start: ContinuousClock.Instant)
        /// A request that cannot be served: answer with the error, then close.
        case failure(HTTPError, method: String, target: String, start: ContinuousClock.Instant)
        /// The client closed or reset the connection: nobody to answer.
        case closed
    }

    /// A new connection, which must start a request within `configuration.readTimeout`.
    init(socket: Socket, configuration: HTTPServer.Configuration) {
        self.socket = socket
        deadline = .now + configuration.readTimeout
    }

    /// Whether no byte of a next request has arrived: past its deadline the connection is
    /// closed quietly, while a request begun gets 408.
    var isAwaitingRequest: Bool { requestStart == nil && buffer.isEmpty }

    /// Receives what the socket holds (the loop saw it readable) and parses it.
    mutating func receive(configuration: HTTPServer.Configuration) -> Progress {
        let count = socket.receive(appendingTo: &buffer, maximumCount: 64 * 1024, waiting: false)
        if count == 0 { return .closed }  // the end of the stream
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? .incomplete : .closed }
        return parse(configuration: configuration)
    }

    /// Parses what is buffered: a pipelined request may be complete before anything new arrives.
    mutating func parse(configuration: HTTPServer.Configuration) -> Progress {
        guard !buffer.isEmpty else { return .incomplete }
        let start = requestStart ?? .now
        if requestStart == nil {
            requestStart = start
            deadline = start + min(configuration.headTimeout, configuration.readTimeout)
        }
        if head == nil {
            guard let end = HTTPParser.endOfHead(in: buffer, from: scanned) else {
                guard buffer.count <= configuration.maximumHeaderBytes else {
                    return .failure(headTooLarge(configuration), method: "-", target: "-", start: start)
                }
                scanned = max(0, buffer.count - 3)
                return .incomplete
            }
            guard end.lowerBound <= configuration.maximumHeaderBytes else {
                return .failure(headTooLarge(configuration), method: "-", target: "-", start: start)
            }
            let request: HTTPRequest, target: String, length: Int
            do throws(HTTPError) {
                (request, target) = try HTTPParser.parseHead(buffer[..<end.lowerBound])
            } catch {
                return .failure(error, method: "-", target: "-", start: start)
            }
            do throws(HTTPError) {
                length = try HTTPParser.bodyLength(of: request, maximum: configuration.maximumBodyBytes)
            } catch {
                return .failure(error, method: request.method.rawValue, target: target, start: start)
            }
            head = (request, target, end.upperBound, length)
            deadline = start + configuration.readTimeout
        }
        let (request, target, bodyStart, bodyLength) = head!
        let end = bodyStart + bodyLength
        guard buffer.count >= end else {
            if !hasSentContinue && request.headers["Expect"]?.lowercased() == "100-continue" {
                hasSentContinue = true
                socket.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), waiting: false)
            }
            return .incomplete
        }
        var complete = request
        complete.body = Array(buffer[bodyStart..<end])
        buffer.removeFirst(end)
        (head, requestStart, scanned, hasSentContinue) = (nil, nil, 0, false)
        return .request(complete, target: target, start: start)
    }

    /// Gives the client `idleTimeout` to start its next request (after a response).
    mutating func awaitNextRequest(within idleTimeout: Duration) {
        deadline = .now + idleTimeout
    }

    /// The answer once ``deadline`` has passed on a request begun: 408, logged with what is known of it.
    func timedOut() -> Progress {
        .failure(HTTPError(.requestTimeout, "request not received within the read timeout"),
                 method: head?.request.method.rawValue ?? "-", target: head?.target ?? "-", start: requestStart ?? .now)
    }

    /// 414 if even the request line does not fit the header limit, 431 otherwise.
    private func headTooLarge(_ configuration: HTTPServer.Configuration) -> HTTPError {
        let limit = configuration.maximumHeaderBytes
        if !buffer.prefix(limit).contains(UInt8(ascii: "\n")) {
            return HTTPError(.uriTooLong, "request line exceeds \(limit) bytes")
        }
        return HTTPError(.requestHeaderFieldsTooLarge, "request head exceeds \(limit) bytes")
    }
}

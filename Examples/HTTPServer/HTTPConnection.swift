/// One client connection, served on its own thread: each request read under a deadline, handed to
/// the handler and answered in order, until the client closes, a limit is hit or the server stops.
struct HTTPConnection {
    private let socket: Socket
    private let configuration: HTTPServer.Configuration
    private let handler: HTTPHandler
    private let stopNotice: StopNotice
    /// Received bytes not yet consumed: the request being read, then any pipelined ones.
    private var buffer: [UInt8] = []

    /// Why a request could not be read.
    private enum ReadFailure: Error {
        /// Answer with this error, then close.
        case reply(HTTPError)
        /// The client closed or reset the connection: nobody to answer.
        case clientGone
    }

    init(socket: Socket, configuration: HTTPServer.Configuration, handler: @escaping HTTPHandler,
         stopNotice: StopNotice) {
        self.socket = socket
        self.configuration = configuration
        self.handler = handler
        self.stopNotice = stopNotice
    }

    /// Serves requests until the connection ends, then closes the socket.
    mutating func serve() {
        socket.setSendTimeout(configuration.writeTimeout)
        var timeout = configuration.readTimeout
        while awaitRequest(within: timeout), serveRequest() {
            timeout = configuration.idleTimeout
        }
        socket.close()
    }

    /// Waits for the next request's first byte; `false` to close quietly. A new connection gets only
    /// the read timeout, so silent connections cannot hold every slot for the idle timeout.
    private mutating func awaitRequest(within timeout: Duration) -> Bool {
        guard buffer.isEmpty else { return !stopNotice.isPosted }
        let readiness = socket.wait(until: .now + timeout, orUntil: stopNotice)
        return readiness == .readable && receive() > 0
    }

    /// Reads, handles and answers one request; `true` to keep the connection open.
    private mutating func serveRequest() -> Bool {
        let start = ContinuousClock.now
        let deadline = start + configuration.readTimeout
        var logged = (method: "-", target: "-")
        var response: HTTPResponse
        var keepAlive = false
        var isHead = false
        do throws(ReadFailure) {
            var (request, target, bodyStart) = try readHead(until: deadline)
            logged = (request.method.rawValue, target)
            isHead = request.method == .head
            request.body = try readBody(of: request, startingAt: bodyStart, until: deadline)
            response = respond(to: request)
            keepAlive = request.wantsKeepAlive && !stopNotice.isPosted
                && response.headers["Connection"]?.lowercased() != "close"
        } catch {
            switch error {
            case .reply(let error): response = error.response
            case .clientGone: return false
            }
        }

        let sent = socket.send(response.serialized(keepAlive: keepAlive, includingBody: !isHead))
        let bodyBytes = isHead || response.status.forbidsBody ? 0 : response.body.count
        configuration.accessLog.record(method: logged.method, target: logged.target, status: response.status,
                                       bodyBytes: bodyBytes, duration: .now - start)
        if sent && !keepAlive { closeWriting() }
        return sent && keepAlive
    }

    /// The parsed head, its raw target and where the body starts in `buffer`.
    private mutating func readHead(until deadline: ContinuousClock.Instant)
        throws(ReadFailure) -> (request: HTTPRequest, target: String, bodyStart: Int)
    {
        var scanned = 0
        while true {
            if let end = HTTPParser.endOfHead(in: buffer, from: scanned) {
                guard end.lowerBound <= configuration.maximumHeaderBytes else { throw .reply(headTooLarge()) }
                do throws(HTTPError) {
                    let (request, target) = try HTTPParser.parseHead(buffer[..<end.lowerBound])
                    return (request, target, end.upperBound)
                } catch {
                    throw .reply(error)
                }
            }
            guard buffer.count <= configuration.maximumHeaderBytes else { throw .reply(headTooLarge()) }
            scanned = max(0, buffer.count - 3)
            try receive(until: deadline)
        }
    }

    /// 414 if even the request line does not fit the header limit, 431 otherwise.
    private func headTooLarge() -> HTTPError {
        let limit = configuration.maximumHeaderBytes
        if !buffer.prefix(limit).contains(UInt8(ascii: "\n")) {
            return HTTPError(.uriTooLong, "request line exceeds \(limit) bytes")
        }
        return HTTPError(.requestHeaderFieldsTooLarge, "request head exceeds \(limit) bytes")
    }

    /// The body `Content-Length` announces, consumed with its head from `buffer`.
    private mutating func readBody(of request: HTTPRequest, startingAt bodyStart: Int,
                                   until deadline: ContinuousClock.Instant) throws(ReadFailure) -> [UInt8]
    {
        let length: Int
        do throws(HTTPError) {
            length = try HTTPParser.bodyLength(of: request, maximum: configuration.maximumBodyBytes)
        } catch {
            throw .reply(error)
        }
        let end = bodyStart + length
        if buffer.count < end && request.headers["Expect"]?.lowercased() == "100-continue" {
            socket.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while buffer.count < end {
            try receive(until: deadline)
        }
        let body = Array(buffer[bodyStart..<end])
        buffer.removeFirst(end)
        return body
    }

    /// Receives more bytes into `buffer`: 408 if `deadline` passes first.
    private mutating func receive(until deadline: ContinuousClock.Instant) throws(ReadFailure) {
        guard socket.wait(until: deadline) == .readable else {
            throw .reply(HTTPError(.requestTimeout, "request not received within the read timeout"))
        }
        guard receive() > 0 else { throw .clientGone }
    }

    private mutating func receive() -> Int {
        socket.receive(appendingTo: &buffer, maximumCount: 64 * 1024)
    }

    /// The handler's response; 500 if it throws anything but an `HTTPError`.
    private func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try handler(request)
        } catch let error as HTTPError {
            return error.response
        } catch {
            return .error(.internalServerError, message: "internal server error")
        }
    }

    /// Ends the response stream, then discards what the client still sends for a moment, so that
    /// closing with unread bytes does not reset the connection before the client reads the response.
    private func closeWriting() {
        socket.shutdownWriting()
        let deadline = ContinuousClock.now + .milliseconds(100)
        var discarded: [UInt8] = []
        var total = 0
        while total < 1 << 20, socket.wait(until: deadline) == .readable {
            discarded.removeAll(keepingCapacity: true)
            let count = socket.receive(appendingTo: &discarded, maximumCount: 64 * 1024)
            guard count > 0 else { return }
            total += count
        }
    }
}

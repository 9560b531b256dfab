import Foundation

extension HTTPServer {
    /// A handler thread: takes complete requests from the event loop, answers each, and gives
    /// kept-alive connections back to the loop, until the loop ends.
    func handleJobs() {
        while let job = nextJob() {
            switch job.progress {
            case let .request(request, target, start):
                answer(request, target: target, start: start, on: job.connection)
            case let .failure(error, method, target, start):
                send(error.response, for: (method, target), start: start, keepAlive: false, includingBody: true,
                     cause: error.cause ?? error.message, on: job.connection)
            case .incomplete, .closed:
                preconditionFailure("the event loop hands over only requests and failures")
            }
        }
    }

    private func nextJob() -> Job? {
        jobsCondition.lock()
        defer { jobsCondition.unlock() }
        while jobs.isEmpty { jobsCondition.wait() }
        return jobs.removeFirst()
    }

    private func answer(_ request: HTTPRequest, target: String, start: ContinuousClock.Instant,
                        on connection: HTTPConnection) {
        let (response, cause) = respond(to: request)
        let keepAlive = request.wantsKeepAlive && !stopNotice.isPosted
            && response.headers["Connection"]?.lowercased() != "close"
        send(response, for: (request.method.rawValue, target), start: start, keepAlive: keepAlive,
             includingBody: request.method != .head, cause: cause, on: connection)
    }

    /// Sends `response`, logs it, then gives the connection back to the loop or closes it.
    private func send(_ response: HTTPResponse, for logged: (method: String, target: String),
                      start: ContinuousClock.Instant, keepAlive: Bool, includingBody: Bool, cause: String?,
                      on connection: HTTPConnection) {
        let sent = connection.socket.send(response.serialized(keepAlive: keepAlive, includingBody: includingBody))
        let bodyBytes = !includingBody || response.status.forbidsBody ? 0 : response.body.count
        configuration.accessLog.record(method: logged.method, target: logged.target, status: response.status,
                                       bodyBytes: bodyBytes, duration: .now - start, cause: cause)
        if sent && keepAlive {
            condition.withLock { returnedConnections.append(connection) }
            wakeUp.post()
            return
        }
        if sent { closeWriting(connection.socket) }
        close(connection)
    }

    /// The handler's response, and for a server error its cause for the log; 500 if the handler
    /// throws anything but an `HTTPError`.
    private func respond(to request: HTTPRequest) -> (HTTPResponse, cause: String?) {
        do {
            let response = try handler(request)
            return (response, response.status.code >= 500 ? "the handler answered \(response.status)" : nil)
        } catch let error as HTTPError {
            return (error.response, error.cause ?? error.message)
        } catch {
            return (.error(.internalServerError, message: "internal server error"), "\(type(of: error)): \(error)")
        }
    }

    /// Ends the response stream, then discards what the client still sends for a moment, so that
    /// closing with unread bytes does not reset the connection before the client reads the response.
    private func closeWriting(_ socket: Socket) {
        socket.shutdownWriting()
        let deadline = ContinuousClock.now + .milliseconds(100)
        var discarded: [UInt8] = []
        var total = 0
        while total < 1 << 20, socket.wait(until: deadline) {
            discarded.removeAll(keepingCapacity: true)
            let count = socket.receive(appendingTo: &discarded, maximumCount: 64 * 1024)
            guard count > 0 else { return }
            total += count
        }
    }
}

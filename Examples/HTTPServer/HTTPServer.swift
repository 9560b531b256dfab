import Foundation

/// An HTTP/1.1 server on POSIX sockets that hands each request to one handler, usually a `Router`.
///
///     var router = Router()
///     router.get("/health") { _ in .text("ok") }
///     let server = HTTPServer(configuration: .init(port: 8080), router: router)
///     server.stopOnSignals()
///     try server.run()  // returns after SIGINT or SIGTERM, once in-flight requests are answered
///
/// Each connection is served on its own thread, up to `maximumConnections`, so a slow client
/// delays nobody else. Requests are read under the limits and timeouts of `Configuration`.
/// A server runs once: after `stop()` it cannot be started again.
public final class HTTPServer: @unchecked Sendable {  // mutable state is guarded by `condition`
    public let configuration: Configuration
    private let handler: HTTPHandler
    private let stopNotice: StopNotice

    private let condition = NSCondition()
    private var boundPort: Int?
    private var isStarted = false
    private var isAccepting = false
    private var openConnections = 0
    private var signalSources: [any DispatchSourceSignal] = []

    /// A server that answers every request with `handler`.
    public init(configuration: Configuration = Configuration(), handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        // A pipe can only fail to open when the process is out of descriptors.
        self.stopNotice = try! StopNotice()
    }

    /// A server that answers with `router`.
    public convenience init(configuration: Configuration = Configuration(), router: Router) {
        self.init(configuration: configuration, handler: router.respond(to:))
    }

    /// The port the server listens on once started (the chosen one when configured with port 0).
    public var port: Int? {
        condition.withLock { boundPort }
    }

    /// Binds and listens, then accepts connections on a background thread; returns at once.
    public func start() throws(HTTPServerError) {
        let isFirstStart = condition.withLock {
            defer { isStarted = true }
            return !isStarted
        }
        guard isFirstStart else { throw .alreadyStarted }
        let listener = try Socket.listening(host: configuration.host, port: configuration.port, backlog: 128)
        condition.withLock {
            boundPort = listener.localPort
            isAccepting = true
        }
        Thread { self.accept(on: listener) }.start()
    }

    /// Blocks until the server has stopped accepting and every connection has closed
    /// (at once if it was never started).
    public func wait() {
        condition.lock()
        defer { condition.unlock() }
        while isAccepting || openConnections > 0 {
            condition.wait()
        }
    }

    /// `start()`, then `wait()`.
    public func run() throws(HTTPServerError) {
        try start()
        wait()
    }

    /// Stops accepting connections and closes idle ones; requests already being read or handled
    /// are answered (with `Connection: close`). Safe to call from any thread, any number of times.
    public func stop() {
        stopNotice.post()
    }

    /// Keeps a signal source alive as long as the server.
    func keep(_ signalSource: any DispatchSourceSignal) {
        condition.withLock { signalSources.append(signalSource) }
    }

    // MARK: Connections

    private func accept(on listener: Socket) {
        while listener.wait(until: nil, orUntil: stopNotice) != .stopping {
            guard let client = listener.accept() else {
                usleep(10_000)  // e.g. out of descriptors (EMFILE): back off rather than spin
                continue
            }
            let hasRoom = condition.withLock {
                guard openConnections < configuration.maximumConnections else { return false }
                openConnections += 1
                return true
            }
            if hasRoom {
                Thread { self.serve(client) }.start()
            } else {
                refuse(client)
            }
        }
        listener.close()
        condition.withLock {
            isAccepting = false
            condition.broadcast()
        }
    }

    private func serve(_ client: Socket) {
        var connection = HTTPConnection(socket: client, configuration: configuration, handler: handler,
                                        stopNotice: stopNotice)
        connection.serve()
        condition.withLock {
            openConnections -= 1
            condition.broadcast()
        }
    }

    /// Answers 503 without waiting (so the accept loop never blocks) and closes.
    private func refuse(_ client: Socket) {
        let response = HTTPResponse.error(.serviceUnavailable, message: "too many connections; try again later")
        client.send(response.serialized(keepAlive: false, includingBody: true), waiting: false)
        configuration.accessLog.record(method: "-", target: "-", status: response.status,
                                       bodyBytes: response.body.count, duration: .zero)
        client.shutdownWriting()
        var discarded: [UInt8] = []
        while client.receive(appendingTo: &discarded, maximumCount: 64 * 1024, waiting: false) > 0 {
            discarded.removeAll(keepingCapacity: true)
        }
        client.close()
    }
}

import Foundation

/// An HTTP/1.1 server on POSIX sockets that hands each request to one handler, usually a `Router`.
///
///     var router = Router()
///     router.get("/health") { _ in .text("ok") }
///     let server = HTTPServer(configuration: .init(port: 8080), router: router)
///     server.stopOnSignals()
///     try server.run()  // returns after SIGINT or SIGTERM, once in-flight requests are answered
///
/// One thread, the event loop, accepts connections and reads every request with `poll`, so a
/// connection costs a buffer, not a thread, until its request is complete: slow or idle
/// clients (up to `maximumConnections`) delay nobody. Complete requests go to
/// `handlerThreadCount` threads that run the handler and send the response. Requests are read
/// under the limits and timeouts of `Configuration`. A server runs once: after `stop()` it
/// cannot be started again.
public final class HTTPServer: @unchecked Sendable {  // mutable state is guarded by `condition` or `jobsCondition`
    public let configuration: Configuration
    let handler: HTTPHandler
    let stopNotice: StopNotice
    /// Wakes the event loop when a handler thread gives a connection back or closes one.
    let wakeUp: WakeUpPipe

    let condition = NSCondition()
    private var boundPort: Int?
    private var isStarted = false
    private var isAccepting = false
    /// Connections accepted and not yet closed, wherever they are.
    var openConnections = 0
    /// Guards `jobs`; only handler threads wait on it, so a signal always wakes one of them.
    let jobsCondition = NSCondition()
    /// Complete requests (or errors to answer) waiting for a handler thread; `nil` ends a thread.
    var jobs: [Job?] = []
    /// Connections whose response was sent, to be watched by the loop again.
    var returnedConnections: [HTTPConnection] = []
    private var signalSources: [any DispatchSourceSignal] = []

    /// What a handler thread does with one connection.
    struct Job {
        var connection: HTTPConnection
        /// `.request` or `.failure`.
        var progress: HTTPConnection.Progress
    }

    /// A server that answers every request with `handler`.
    public init(configuration: Configuration = Configuration(), handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        // A pipe can only fail to open when the process is out of descriptors.
        self.stopNotice = try! StopNotice()
        self.wakeUp = try! WakeUpPipe()
    }

    /// A server that answers with `router`.
    public convenience init(configuration: Configuration = Configuration(), router: Router) {
        self.init(configuration: configuration, handler: router.respond(to:))
    }

    /// The port the server listens on once started (the chosen one when configured with port 0).
    public var port: Int? {
        condition.withLock { boundPort }
    }

    /// Binds and listens, then runs the event loop and the handler threads in the background;
    /// returns at once.
    public func start() throws(HTTPServerError) {
        let isFirstStart = condition.withLock {
            defer { isStarted = true }
            return !isStarted
        }
        guard isFirstStart else { throw .alreadyStarted }
        let listener = try Socket.listening(host: configuration.host, port: configuration.port, backlog: 512)
        condition.withLock {
            boundPort = listener.localPort
            isAccepting = true
        }
        for _ in 0..<max(1, configuration.handlerThreadCount) {
            let thread = Thread { self.handleJobs() }
            thread.stackSize = 1 << 20
            thread.start()
        }
        Thread {
            self.runEventLoop(listener: listener)
            self.jobsCondition.withLock {
                self.jobs += Array(repeating: nil, count: max(1, self.configuration.handlerThreadCount))
                self.jobsCondition.broadcast()
            }
            self.condition.withLock {
                self.isAccepting = false
                self.condition.broadcast()
            }
        }.start()
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

    /// Closes `connection` wherever it is, and tells the loop, which may be waiting for the last one.
    func close(_ connection: HTTPConnection) {
        connection.socket.close()
        condition.withLock {
            openConnections -= 1
            condition.broadcast()
        }
        wakeUp.post()
    }
}

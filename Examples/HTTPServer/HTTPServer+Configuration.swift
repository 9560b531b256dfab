extension HTTPServer {
    /// Where the server listens and the limits that keep one client from exhausting it.
    public struct Configuration: Sendable {
        /// The address to bind: `127.0.0.1` (this machine only), `0.0.0.0` (every IPv4 interface) or `::1`.
        public var host = "127.0.0.1"
        /// The port to bind; 0 lets the system choose one (read it back from `HTTPServer.port`).
        public var port = 8080
        /// The most bytes a request line and its header fields may take; more gets 431.
        var maximumHeaderBytes = 16 * 1024
        /// The largest `Content-Length` accepted; more gets 413 before any of the body is read.
        var maximumBodyBytes = 2 * 1024 * 1024
        /// Connections open at once; one more is answered 503 and closed. An idle or slow
        /// connection costs a descriptor and its buffer, not a thread.
        var maximumConnections = 512
        /// Threads that run the handler and send responses: how many requests are answered at once.
        /// Complete requests beyond that wait, already read, for a free thread.
        var handlerThreadCount = 16
        /// How long a request's head may take to arrive once its first byte has: a slower client
        /// (one dripping bytes to hold a connection) gets 408.
        var headTimeout: Duration = .seconds(5)
        /// How long a whole request may take to arrive once its first byte has (a slower client
        /// gets 408), and a new connection to start one (or be closed).
        var readTimeout: Duration = .seconds(10)
        /// How long an open connection may wait for its next request before it is closed.
        var idleTimeout: Duration = .seconds(30)
        /// How long a response may take to be accepted by the client before the connection is dropped.
        var writeTimeout: Duration = .seconds(10)
        /// Where each request is logged.
        public var accessLog = AccessLog.standardError

        /// A configuration with the default limits.
        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }
}

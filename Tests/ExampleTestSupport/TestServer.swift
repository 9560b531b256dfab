import Foundation
import HTTPServer

/// Collects access-log lines from many threads.
public final class LogRecorder: @unchecked Sendable {  // `recorded` is guarded by `lock`
    private let lock = NSLock()
    private var recorded: [String] = []

    public init() {}

    public var lines: [String] { lock.withLock { recorded } }

    public var accessLog: AccessLog {
        AccessLog { line in self.lock.withLock { self.recorded.append(line) } }
    }
}

/// Runs `body` against a started server on an ephemeral loopback port, then stops it and waits,
/// whatever `body` does.
public func withServer(
    router: Router,
    log: LogRecorder = LogRecorder(),
    configure: (inout HTTPServer.Configuration) -> Void = { _ in },
    _ body: (_ server: HTTPServer, _ port: Int) throws -> Void
) throws {
    var configuration = HTTPServer.Configuration(port: 0)
    configuration.accessLog = log.accessLog
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, router: router)
    try server.start()
    defer {
        server.stop()
        server.wait()
    }
    try body(server, server.port ?? 0)
}

/// A router with the routes most tests use.
public func echoRouter() -> Router {
    var router = Router()
    router.get("/hello") { request in .text("hello \(request.query["name"] ?? "world")") }
    router.post("/echo") { request in
        HTTPResponse(contentType: request.headers["Content-Type"] ?? MediaType.octetStream, body: request.body)
    }
    return router
}

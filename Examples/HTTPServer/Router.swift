/// Answers a request: the contract between the server and the application.
///
/// A handler that throws `HTTPError` answers with that error; any other error becomes a 500.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Maps a method and an exact path to a handler, and path prefixes to folders of files.
///
///     var router = Router()
///     router.get("/health") { _ in .text("ok") }
///     router.post("/predict") { request in try .json(predict(request.body)) }
///     router.serveFiles(at: "/", from: webFolder)
///
/// An unknown path gets 404; a known path with another method gets 405 with an `Allow` header.
/// `HEAD` runs the `GET` handler (the server sends no body).
public struct Router: Sendable {
    private var routes: [String: [HTTPMethod: HTTPHandler]] = [:]
    private var folders: [(prefix: String, handler: HTTPHandler)] = []

    /// A router with no routes: every request gets 404.
    public init() {}

    /// Routes `method` requests for exactly `path` (no query) to `handler`, replacing any earlier one.
    public mutating func add(_ method: HTTPMethod, _ path: String, handler: @escaping HTTPHandler) {
        routes[path, default: [:]][method] = handler
    }

    /// `add(.get, path, handler: handler)`; `HEAD` is answered by the same handler.
    public mutating func get(_ path: String, handler: @escaping HTTPHandler) {
        add(.get, path, handler: handler)
    }

    /// `add(.post, path, handler: handler)`.
    public mutating func post(_ path: String, handler: @escaping HTTPHandler) {
        add(.post, path, handler: handler)
    }

    /// Routes `GET` and `HEAD` for `prefix` and every path below it to `handler`, which finds the
    /// rest of the path by itself; exact routes win, then the longest prefix.
    mutating func mount(at prefix: String, handler: @escaping HTTPHandler) {
        folders.append((prefix, handler))
        folders.sort { $0.prefix.count > $1.prefix.count }
    }

    /// The handler's response, 404 or 405: what the server answers, without a socket (the fuzz
    /// target sends bodies through it).
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        if let handlers = routes[request.path] {
            if let handler = handlers[request.method] ?? (request.method == .head ? handlers[.get] : nil) {
                return try handler(request)
            }
            return Self.methodNotAllowed(allowing: Array(handlers.keys))
        }
        if let folder = folders.first(where: { Self.path(request.path, isBelow: $0.prefix) }) {
            guard request.method == .get || request.method == .head else {
                return Self.methodNotAllowed(allowing: [.get])
            }
            return try folder.handler(request)
        }
        return .error(.notFound, message: "no route for \(request.path)")
    }

    private static func path(_ path: String, isBelow prefix: String) -> Bool {
        let directory = prefix.hasSuffix("/") ? prefix : prefix + "/"
        return path == prefix || path.hasPrefix(directory)
    }

    private static func methodNotAllowed(allowing methods: [HTTPMethod]) -> HTTPResponse {
        var allowed = Set(methods.map(\.rawValue))
        if allowed.contains("GET") { allowed.insert("HEAD") }
        let list = allowed.sorted().joined(separator: ", ")
        var response = HTTPResponse.error(.methodNotAllowed, message: "method not allowed; allowed: \(list)")
        response.headers["Allow"] = list
        return response
    }
}

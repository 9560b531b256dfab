/// An error a handler throws to answer with `status` and the body `{"error": message}`.
///
///     guard request.body.count == 784 else {
///         throw HTTPError(.unprocessableContent, "expected 784 pixels")
///     }
///
/// Any other error a handler throws becomes a 500 whose message reveals nothing; the
/// server logs that error as the cause.
public struct HTTPError: Error, Equatable, Sendable {
    public var status: HTTPStatus
    /// Shown to the client, so it should say what to fix and reveal nothing internal.
    public var message: String
    /// What went wrong, for the server's log only (a path, a system error); the access log
    /// shows it, or `message` without it, for every 5xx.
    public var cause: String?

    /// An error answered with `status` and `{"error": message}`, logged with `cause`.
    public init(_ status: HTTPStatus, _ message: String, cause: String? = nil) {
        self.status = status
        self.message = message
        self.cause = cause
    }

    /// The response that reports this error.
    var response: HTTPResponse { .error(status, message: message) }
}

/// An error a handler throws to answer with `status` and the body `{"error": message}`.
///
///     guard request.body.count == 784 else {
///         throw HTTPError(.unprocessableContent, "expected 784 pixels")
///     }
///
/// Any other error a handler throws becomes a 500 whose message reveals nothing.
public struct HTTPError: Error, Equatable, Sendable {
    public var status: HTTPStatus
    /// Shown to the client, so it should say what to fix and reveal nothing internal.
    public var message: String

    /// An error answered with `status` and `{"error": message}`.
    public init(_ status: HTTPStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The response that reports this error.
    var response: HTTPResponse { .error(status, message: message) }
}

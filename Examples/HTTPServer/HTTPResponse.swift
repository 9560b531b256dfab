import Foundation

/// What a handler answers: a status, header fields and a body.
///
/// The server adds `Content-Length`, `Date` and `Connection` itself, and sends no body for `HEAD`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    /// Fields to send, e.g. `Content-Type`; framing fields set here are replaced by the server's.
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// A response with exactly these parts.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A body with its `Content-Type`.
    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: ["Content-Type": contentType], body: body)
    }

    /// `text/plain` in UTF-8.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: MediaType.plainText, body: Array(text.utf8))
    }

    /// `text/html` in UTF-8.
    static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: MediaType.html, body: Array(html.utf8))
    }

    /// `value` encoded as JSON with sorted keys: `.json(["digit": 7])` sends `{"digit":7}`.
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(value)
        return HTTPResponse(status: status, contentType: MediaType.json, body: Array(body))
    }

    /// A heterogeneous dictionary (or array) of JSON-compatible values, with sorted keys:
    /// `.json(object: ["digit": 7, "probabilities": [0.1, 0.9]])`.
    public static func json(object: Any, status: HTTPStatus = .ok) throws -> HTTPResponse {
        guard JSONSerialization.isValidJSONObject(object) else {
            throw HTTPError(.internalServerError, "response is not representable as JSON")
        }
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return HTTPResponse(status: status, contentType: MediaType.json, body: Array(body))
    }

    /// `{"error": message}` with `status`.
    public static func error(_ status: HTTPStatus, message: String) -> HTTPResponse {
        // Encoding a [String: String] cannot fail.
        var response = (try? json(["error": message], status: status)) ?? HTTPResponse(status: status)
        response.status = status
        return response
    }

    /// The file at `url` with the `Content-Type` its extension implies; a 404 `HTTPError` if it is
    /// missing or unreadable.
    public static func file(at url: URL) throws(HTTPError) -> HTTPResponse {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let contents = FileManager.default.contents(atPath: url.path)
        else {
            throw HTTPError(.notFound, "not found")
        }
        return HTTPResponse(contentType: MediaType.forPathExtension(url.pathExtension), body: Array(contents))
    }
}

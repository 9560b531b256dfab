/// A response status: its code and reason phrase (RFC 9110 §15).
public struct HTTPStatus: Hashable, Sendable, CustomStringConvertible {
    /// The three-digit code, e.g. 404.
    public var code: Int
    /// The text after the code on the status line, e.g. `Not Found`.
    var reasonPhrase: String

    /// A status not among the constants below.
    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// `"404 Not Found"`.
    public var description: String { "\(code) \(reasonPhrase)" }

    /// Whether responses with this status never carry a body (1xx, 204, 304).
    var forbidsBody: Bool { code < 200 || code == 204 || code == 304 }

    public static let `continue` = HTTPStatus(code: 100, reasonPhrase: "Continue")
    public static let ok = HTTPStatus(code: 200, reasonPhrase: "OK")
    public static let created = HTTPStatus(code: 201, reasonPhrase: "Created")
    static let noContent = HTTPStatus(code: 204, reasonPhrase: "No Content")
    static let notModified = HTTPStatus(code: 304, reasonPhrase: "Not Modified")
    public static let badRequest = HTTPStatus(code: 400, reasonPhrase: "Bad Request")
    static let forbidden = HTTPStatus(code: 403, reasonPhrase: "Forbidden")
    static let notFound = HTTPStatus(code: 404, reasonPhrase: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, reasonPhrase: "Method Not Allowed")
    static let requestTimeout = HTTPStatus(code: 408, reasonPhrase: "Request Timeout")
    static let lengthRequired = HTTPStatus(code: 411, reasonPhrase: "Length Required")
    static let contentTooLarge = HTTPStatus(code: 413, reasonPhrase: "Content Too Large")
    static let uriTooLong = HTTPStatus(code: 414, reasonPhrase: "URI Too Long")
    static let unsupportedMediaType = HTTPStatus(code: 415, reasonPhrase: "Unsupported Media Type")
    public static let unprocessableContent = HTTPStatus(code: 422, reasonPhrase: "Unprocessable Content")
    static let requestHeaderFieldsTooLarge =
        HTTPStatus(code: 431, reasonPhrase: "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(code: 500, reasonPhrase: "Internal Server Error")
    static let notImplemented = HTTPStatus(code: 501, reasonPhrase: "Not Implemented")
    public static let serviceUnavailable = HTTPStatus(code: 503, reasonPhrase: "Service Unavailable")
    static let httpVersionNotSupported =
        HTTPStatus(code: 505, reasonPhrase: "HTTP Version Not Supported")
    public static let insufficientStorage = HTTPStatus(code: 507, reasonPhrase: "Insufficient Storage")
}

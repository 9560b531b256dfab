import Foundation

/// A request as a handler sees it: the head parsed and decoded, the whole body read.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, …, exactly as sent.
    public var method: HTTPMethod
    /// The percent-decoded path, e.g. `/static/app.js`; `..` segments are left for the handler to refuse.
    public var path: String
    /// The decoded query items (`+` is a space; the last of repeated names wins).
    public var query: [String: String]
    /// `"HTTP/1.1"` or `"HTTP/1.0"`.
    public var version: String
    /// The header fields; look-ups ignore case.
    public var headers: HTTPHeaders
    /// Exactly `Content-Length` bytes, empty without one.
    public var body: [UInt8]

    /// A request as the server would build it; handy for testing handlers without a socket.
    public init(method: HTTPMethod, path: String, query: [String: String] = [:], version: String = "HTTP/1.1",
                headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The body decoded as JSON, or a 400 `HTTPError` that says what is wrong with it.
    public func decodedJSON<Value: Decodable>(as type: Value.Type = Value.self) throws(HTTPError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw HTTPError(.badRequest, "invalid JSON body: \(Self.summary(of: error))")
        }
    }

    /// Whether the client asked to keep the connection open after this request:
    /// HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    var wantsKeepAlive: Bool {
        let tokens = (headers["Connection"] ?? "").lowercased()
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }

    private static func summary(of error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): describe(context)
        case .dataCorrupted(let context): describe(context)
        default: "unreadable"
        }
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "malformed JSON" : "wrong type at '\(path)'"
    }
}

import Glibc

extension HTTPResponse {
    /// The bytes sent on the wire: status line, the handler's fields, then `Content-Length`,
    /// `Connection` and `Date`, a blank line and (unless `includingBody` is false, as for `HEAD`) the body.
    func serialized(keepAlive: Bool, includingBody: Bool) -> [UInt8] {
        var fields = headers
        for name in ["Content-Length", "Connection", "Date", "Transfer-Encoding"] { fields[name] = nil }
        if !status.forbidsBody { fields["Content-Length"] = String(body.count) }
        fields["Connection"] = keepAlive ? "keep-alive" : "close"
        fields["Date"] = Self.httpDate()

        var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        for (name, value) in fields {
            head += "\(Self.removingLineBreaks(name)): \(Self.removingLineBreaks(value))\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includingBody && !status.forbidsBody { bytes += body }
        return bytes
    }

    /// The current time as an IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7).
    private static func httpDate() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var text = [CChar](repeating: 0, count: 40)
        let count = strftime(&text, text.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: text.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `text` without CR and LF, so no handler can inject a header line (response splitting).
    /// Filters scalars, not characters: `"\r\n"` is a single `Character`.
    private static func removingLineBreaks(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
        return String(scalars)
    }
}

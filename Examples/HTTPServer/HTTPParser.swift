import Foundation

/// Reads HTTP/1.1 request heads (RFC 9112 §2–§6) strictly: anything malformed is a 400, never a trap.
/// The server calls it as bytes arrive; it is public for the fuzz target, which feeds it anything.
public enum HTTPParser {
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Where the blank line that ends the head lies in `bytes` (searching from `start`), accepting
    /// `\r\n\r\n` and bare `\n\n`; the head is everything before the range.
    public static func endOfHead(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        var index = max(start, 0)
        while let lineEnd = bytes[index...].firstIndex(of: lineFeed) {
            var next = lineEnd + 1
            if next < bytes.count, bytes[next] == carriageReturn { next += 1 }
            if next < bytes.count, bytes[next] == lineFeed {
                let headEnd = lineEnd > 0 && bytes[lineEnd - 1] == carriageReturn ? lineEnd - 1 : lineEnd
                return headEnd..<(next + 1)
            }
            index = lineEnd + 1
        }
        return nil
    }

    /// The request described by `head` (without body), and its raw target for the access log.
    public static func parseHead(_ head: ArraySlice<UInt8>) throws(HTTPError) -> (request: HTTPRequest, target: String) {
        var lines = head.split(separator: lineFeed, omittingEmptySubsequences: false).map { line in
            line.last == carriageReturn ? line.dropLast() : line
        }
        // RFC 9112 §2.2: a server should ignore empty lines before the request line.
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { throw HTTPError(.badRequest, "empty request") }

        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw HTTPError(.badRequest, "malformed request line")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            if version.utf8.count == 8, version.hasPrefix("HTTP/"), version.dropFirst(6).first == "." {
                throw HTTPError(.httpVersionNotSupported, "only HTTP/1.0 and HTTP/1.1 are supported")
            }
            throw HTTPError(.badRequest, "malformed request line")
        }

        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte)
            else {
                throw HTTPError(.badRequest, "malformed header line")
            }
            let value = line[(colon + 1)...].trimmingWhitespace()
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                throw HTTPError(.badRequest, "control character in header value")
            }
            headers.add(String(decoding: value, as: UTF8.self), for: String(decoding: line[..<colon], as: UTF8.self))
        }
        if version == "HTTP/1.1" && headers.values(for: "Host").count != 1 {
            throw HTTPError(.badRequest, "an HTTP/1.1 request needs exactly one Host header")
        }

        let target = String(decoding: parts[1], as: UTF8.self)
        let (path, query) = try splitTarget(target)
        let request = HTTPRequest(method: HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)),
                                  path: path, query: query, version: version, headers: headers)
        return (request, target)
    }

    /// The body length the head announces: 0 without `Content-Length`; 411 for a chunked body,
    /// 501 for any other transfer coding, 413 above `maximum` and 400 for a malformed length.
    public static func bodyLength(of request: HTTPRequest, maximum: Int) throws(HTTPError) -> Int {
        if let codings = request.headers["Transfer-Encoding"] {
            if codings.lowercased().contains("chunked") {
                throw HTTPError(.lengthRequired, "chunked request bodies are not supported; send Content-Length")
            }
            throw HTTPError(.notImplemented, "transfer coding '\(codings)' is not supported; send Content-Length")
        }
        let values = request.headers.values(for: "Content-Length")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = values.first else { return 0 }
        guard values.allSatisfy({ $0 == first }), first.utf8.count <= 18, let length = Int(first),
              first.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw HTTPError(.badRequest, "malformed Content-Length")
        }
        guard length <= maximum else {
            throw HTTPError(.contentTooLarge, "request body of \(length) bytes exceeds the limit of \(maximum) bytes")
        }
        return length
    }

    // MARK: Target

    /// Origin form `/path?query`, absolute form `http://host/path?query`, or `*`.
    private static func splitTarget(_ target: String) throws(HTTPError) -> (path: String, query: [String: String]) {
        var target = Substring(target)
        if target == "*" { return ("*", [:]) }
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let authorityAndPath = target.dropFirst(scheme.count)
            target = authorityAndPath.firstIndex(of: "/").map { authorityAndPath[$0...] } ?? "/"
        }
        guard target.hasPrefix("/") else { throw HTTPError(.badRequest, "malformed request target") }
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = percentDecoded(pieces[0], plusIsSpace: false), !path.contains("\0") else {
            throw HTTPError(.badRequest, "malformed percent-encoding in path")
        }
        var query: [String: String] = [:]
        for item in pieces.count > 1 ? pieces[1].split(separator: "&") : [] {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecoded(pair[0], plusIsSpace: true),
                  let value = percentDecoded(pair.count > 1 ? pair[1] : "", plusIsSpace: true)
            else {
                throw HTTPError(.badRequest, "malformed percent-encoding in query")
            }
            query[name] = value
        }
        return (path, query)
    }

    /// `%41` → `A`; `nil` for a truncated escape, a non-hex digit or bytes that are not UTF-8.
    private static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var input = text.utf8.makeIterator()
        while let byte = input.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 9110 §5.6.2 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension ArraySlice<UInt8> {
    /// Without leading and trailing spaces and tabs (RFC 9110 `OWS`).
    fileprivate func trimmingWhitespace() -> ArraySlice<UInt8> {
        let isWhitespace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = firstIndex(where: { !isWhitespace($0) }),
              let last = lastIndex(where: { !isWhitespace($0) })
        else {
            return []
        }
        return self[first...last]
    }
}

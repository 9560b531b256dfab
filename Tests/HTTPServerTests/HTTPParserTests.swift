import Testing
@testable import HTTPServer

@Suite struct HTTPParserTests {
    private func head(_ text: String) -> ArraySlice<UInt8> {
        ArraySlice(text.utf8)
    }

    @Test func findsTheEndOfTheHead() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody".utf8)
        #expect(HTTPParser.endOfHead(in: bytes, from: 0) == 23..<27)
        #expect(HTTPParser.endOfHead(in: Array("GET / HTTP/1.0\n\nrest".utf8), from: 0) == 14..<16)
        #expect(HTTPParser.endOfHead(in: Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8), from: 0) == nil)
        #expect(HTTPParser.endOfHead(in: Array("\r\nGET / HTTP/1.1\r\n\r\n".utf8), from: 0) == 16..<20)
    }

    @Test func parsesMethodPathQueryVersionAndHeaders() throws {
        let (request, target) = try HTTPParser.parseHead(
            head("POST /predict/%E2%9C%93?top=3&label=seven+7&flag HTTP/1.1\r\nHost: a\r\nX-Tag:  one \r\nx-tag: two"))
        #expect(target == "/predict/%E2%9C%93?top=3&label=seven+7&flag")
        #expect(request.method == .post)
        #expect(request.path == "/predict/✓")
        #expect(request.query == ["top": "3", "label": "seven 7", "flag": ""])
        #expect(request.version == "HTTP/1.1")
        #expect(request.headers["X-TAG"] == "one, two")
        #expect(request.headers.values(for: "x-tag") == ["one", "two"])
    }

    @Test func acceptsAbsoluteFormAndAsterisk() throws {
        #expect(try HTTPParser.parseHead(head("GET http://a.b:80/x?q=1 HTTP/1.0")).request.path == "/x")
        #expect(try HTTPParser.parseHead(head("OPTIONS * HTTP/1.0")).request.path == "*")
    }

    @Test(arguments: [
        ("GET / HTTP/1.1", HTTPStatus.badRequest),  // no Host
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b", .badRequest),
        ("GET / HTTP/3", .badRequest),
        ("GET / HTTP/2.0\r\nHost: a", .httpVersionNotSupported),
        ("GET /%C3%28 HTTP/1.0", .badRequest),  // not UTF-8
        ("GET /a%00b HTTP/1.0", .badRequest),
        ("GET /?a=%G1 HTTP/1.0", .badRequest),
        ("GET /\u{7F} HTTP/1.0", .badRequest),
    ])
    func rejectsMalformedHeads(text: String, status: HTTPStatus) {
        #expect(throws: HTTPError.self) { try HTTPParser.parseHead(head(text)) }
        do {
            _ = try HTTPParser.parseHead(head(text))
        } catch {
            #expect(error.status == status)
        }
    }

    @Test func bodyLengthComesFromContentLength() throws {
        func length(_ headers: HTTPHeaders) throws(HTTPError) -> Int {
            try HTTPParser.bodyLength(of: HTTPRequest(method: .post, path: "/", headers: headers), maximum: 100)
        }
        #expect(try length([:]) == 0)
        #expect(try length(["Content-Length": "100"]) == 100)
        #expect(try length(["Content-Length": "7, 7"]) == 7)
        #expect(throws: HTTPError(.contentTooLarge, "request body of 101 bytes exceeds the limit of 100 bytes")) {
            try length(["Content-Length": "101"])
        }
        #expect(throws: HTTPError(.badRequest, "malformed Content-Length")) { try length(["Content-Length": "-1"]) }
        #expect(throws: HTTPError(.badRequest, "malformed Content-Length")) {
            try length(["Content-Length": "99999999999999999999999"])
        }
        #expect(throws: HTTPError.self) { try length(["Transfer-Encoding": "gzip, chunked", "Content-Length": "3"]) }
    }
}

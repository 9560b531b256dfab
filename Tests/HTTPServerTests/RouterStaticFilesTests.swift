import ExampleTestSupport
import Foundation
import Testing
@testable import HTTPServer

/// `Router.serveFiles(at:from:)` over real sockets, since traversal attempts must reach the server
/// exactly as written (a client library would normalise `..` away).
@Suite struct RouterStaticFilesTests {
    /// `site/` with one file of each served type, and `secret.txt` next to it.
    private static func makeSite() throws -> URL {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("NumSightStaticFiles-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("css"),
                                                withIntermediateDirectories: true)
        let files = ["index.html": "<h1>digits</h1>", "app.js": "draw()", "css/style.css": "body{}",
                     "data.json": "[7]", "icon.svg": "<svg/>", "logo.png": "\u{89}PNG", ".env": "KEY=1",
                     "../secret.txt": "secret"]
        for (name, contents) in files {
            try Data(contents.utf8).write(to: site.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("link.txt"),
                                                   withDestinationURL: base.appendingPathComponent("secret.txt"))
        return site
    }

    private static func get(_ target: String, port: Int) throws -> RawClient.Response {
        let client = try RawClient(port: port)
        client.send("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
        return try client.readResponse()
    }

    @Test(arguments: [
        ("/static/", "text/html; charset=utf-8", "<h1>digits</h1>"),
        ("/static/index.html", "text/html; charset=utf-8", "<h1>digits</h1>"),
        ("/static/app.js", "text/javascript; charset=utf-8", "draw()"),
        ("/static/css/style.css", "text/css; charset=utf-8", "body{}"),
        ("/static/data.json", "application/json", "[7]"),
        ("/static/icon.svg", "image/svg+xml", "<svg/>"),
        ("/static/logo.png", "image/png", "\u{89}PNG"),
    ])
    func servesFilesWithTheirContentType(target: String, contentType: String, contents: String) throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var router = Router()
        router.serveFiles(at: "/static", from: site)
        try withServer(router: router) { _, port in
            let response = try Self.get(target, port: port)
            #expect(response.statusCode == 200)
            #expect(response.headers["Content-Type"] == contentType)
            #expect(response.text == contents)
        }
    }

    @Test func filesCarryAnEntityTagAndAMatchGets304WithoutABody() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var router = Router()
        router.serveFiles(at: "/static", from: site)
        try withServer(router: router) { _, port in
            let first = try Self.get("/static/app.js", port: port)
            let tag = try #require(first.headers["ETag"])
            #expect(tag == HTTPResponse.entityTag(of: Array("draw()".utf8)))
            #expect(first.headers["Cache-Control"] == "no-cache")
            for condition in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
                let client = try RawClient(port: port)
                client.send("GET /static/app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(condition)\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.statusCode == 304, "If-None-Match: \(condition)")
                #expect(response.text.isEmpty && response.headers["ETag"] == tag)
            }
            let client = try RawClient(port: port)
            client.send("GET /static/app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"stale\"\r\n\r\n")
            let changed = try client.readResponse()
            #expect(changed.statusCode == 200 && changed.text == "draw()")
        }
    }

    @Test func entityTagsDifferWhenTheBodyDoes() {
        let tags = Set([[], [0], [1], [0, 0], Array("draw()".utf8), Array("draw)(".utf8)].map(HTTPResponse.entityTag(of:)))
        #expect(tags.count == 6)
        #expect(HTTPResponse.entityTag(of: []) == "\"cbf29ce484222325-0\"")
    }

    @Test(arguments: [
        ("/static/../secret.txt", 403),
        ("/static/%2e%2e/secret.txt", 403),
        ("/static/css/..%2f..%2fsecret.txt", 403),
        ("/static/.env", 403),
        ("/static/link.txt", 403),
        ("/static/missing.js", 404),
        ("/static/css", 404),
    ])
    func refusesPathsOutsideTheFolder(target: String, statusCode: Int) throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var router = Router()
        router.serveFiles(at: "/static", from: site)
        try withServer(router: router) { _, port in
            let response = try Self.get(target, port: port)
            #expect(response.statusCode == statusCode)
            #expect(!response.text.contains("secret"))
        }
    }

    @Test func rootMountLeavesExactRoutesFirstAndRefusesOtherMethods() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var router = Router()
        router.get("/health") { _ in .text("ok") }
        router.serveFiles(at: "/", from: site)
        try withServer(router: router) { _, port in
            #expect(try Self.get("/", port: port).text == "<h1>digits</h1>")
            #expect(try Self.get("/health", port: port).text == "ok")
            let client = try RawClient(port: port)
            client.send("POST /app.js HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == 405)
            #expect(response.headers["Allow"] == "GET, HEAD")
        }
    }
}

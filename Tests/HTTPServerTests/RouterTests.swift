import ExampleTestSupport
import Foundation
import Testing
@testable import HTTPServer

@Suite struct RouterTests {
    private var router: Router {
        var router = Router()
        router.get("/health") { _ in .text("ok") }
        router.post("/predict") { request in .text("\(request.body.count) bytes") }
        router.add(.put, "/predict") { _ in .text("replaced") }
        return router
    }

    private func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test func routesByMethodAndExactPath() throws {
        let health = try router.respond(to: HTTPRequest(method: .get, path: "/health"))
        #expect(health.status == .ok)
        #expect(text(health) == "ok")
        let predict = try router.respond(to: HTTPRequest(method: .post, path: "/predict", body: [1, 2, 3]))
        #expect(text(predict) == "3 bytes")
    }

    @Test func unknownPathGets404() throws {
        let response = try router.respond(to: HTTPRequest(method: .get, path: "/health/"))
        #expect(response.status == .notFound)
        #expect(text(response) == #"{"error":"no route for /health/"}"#)
    }

    @Test func wrongMethodGets405WithAllow() throws {
        let response = try router.respond(to: HTTPRequest(method: .delete, path: "/predict"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "POST, PUT")
        #expect(text(response) == #"{"error":"method not allowed; allowed: POST, PUT"}"#)
        #expect(try router.respond(to: HTTPRequest(method: .post, path: "/health")).headers["Allow"] == "GET, HEAD")
    }

    @Test func headRunsTheGetHandler() throws {
        let response = try router.respond(to: HTTPRequest(method: .head, path: "/health"))
        #expect(response.status == .ok)
        #expect(text(response) == "ok")  // the server, not the router, drops the body
    }

    @Test func handlerErrorsPropagateToTheServer() {
        var router = Router()
        router.get("/fail") { _ in throw HTTPError(.badRequest, "no") }
        #expect(throws: HTTPError(.badRequest, "no")) { try router.respond(to: HTTPRequest(method: .get, path: "/fail")) }
    }

    @Test func answersOverASocket() throws {
        try withServer(router: router) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().statusCode == 404)
            client.send("GET /predict HTTP/1.1\r\nHost: x\r\n\r\n")
            let wrongMethod = try client.readResponse()
            #expect(wrongMethod.statusCode == 405)
            #expect(wrongMethod.headers["Allow"] == "POST, PUT")
        }
    }
}

import ExampleTestSupport
import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite struct HTTPServerTests {
    @Test func getAnswersWithHandlerResponse() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello?name=Ada%20L HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.text == "hello Ada L")
            #expect(response.headers["content-length"] == "11")
            #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(response.headers["Connection"] == "keep-alive")
        }
    }

    @Test func postDeliversTheBody() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            let body = #"{"pixels":[0,255,128]}"#
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.text == body)
            #expect(response.headers["Content-Type"] == "application/json")
        }
    }

    @Test func bodyArrivingInPiecesIsAssembled() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Len")
            usleep(20_000)
            client.send("gth: 10\r\n\r\n01234")
            usleep(20_000)
            client.send("56789")
            #expect(try client.readResponse().text == "0123456789")
        }
    }

    @Test func expectContinueGetsAnInterimResponse() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().statusCode == 100)
            client.send("data")
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.text == "data")
        }
    }

    /// A client that closes a kept-alive connection frees it at once: the event loop sees the
    /// end of the stream (it once took it for "nothing yet" and polled the socket in a busy loop).
    @Test func aConnectionTheClientClosesIsClosedAtOnce() throws {
        try withServer(router: echoRouter()) { server, port in
            var client: RawClient? = try RawClient(port: port)
            client?.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client?.readResponse().statusCode == 200)
            #expect(server.condition.withLock { server.openConnections } == 1)
            client = nil
            let deadline = ContinuousClock.now + .seconds(1)
            while server.condition.withLock({ server.openConnections }) > 0 && ContinuousClock.now < deadline {
                usleep(5_000)
            }
            #expect(server.condition.withLock { server.openConnections } == 0)
        }
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
        let log = LogRecorder()
        try withServer(router: echoRouter(), log: log) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello?name=one HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello one")
            client.send("GET /hello?name=two HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello two")
        }
        #expect(log.lines.count == 2)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /hello?name=b HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "abc")
            #expect(try client.readResponse().text == "hello b")
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.headers["Connection"] == "close")
            #expect(client.isClosedByServer(within: .seconds(1)))
        }
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        try withServer(router: echoRouter()) { _, port in
            let plain = try RawClient(port: port)
            plain.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().headers["Connection"] == "close")
            #expect(plain.isClosedByServer(within: .seconds(1)))

            let keepAlive = try RawClient(port: port)
            keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().headers["Connection"] == "keep-alive")
            keepAlive.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try keepAlive.readResponse().text == "hello world")
        }
    }

    @Test func headSendsHeadersWithoutBody() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(toHead: true)
            #expect(head.statusCode == 200)
            #expect(head.headers["Content-Length"] == "11")
            // No body followed: the next response starts right after the head.
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello world")
        }
    }

    @Test func throwingHandlerGets500WithoutDetails() throws {
        struct SecretFailure: Error {}
        var router = Router()
        router.get("/boom") { _ in throw SecretFailure() }
        router.get("/teapot") { _ in throw HTTPError(.unprocessableContent, "expected 784 pixels") }
        try withServer(router: router) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n")
            let failure = try client.readResponse()
            #expect(failure.statusCode == 500)
            #expect(failure.text == #"{"error":"internal server error"}"#)
            client.send("GET /teapot HTTP/1.1\r\nHost: x\r\n\r\n")
            let rejection = try client.readResponse()
            #expect(rejection.statusCode == 422)
            #expect(rejection.text == #"{"error":"expected 784 pixels"}"#)
        }
    }

    @Test func slowHandlerDoesNotBlockOtherClients() throws {
        var router = echoRouter()
        router.get("/slow") { _ in
            usleep(400_000)
            return .text("slow")
        }
        try withServer(router: router) { _, port in
            let slow = try RawClient(port: port)
            slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            let start = ContinuousClock.now
            let fast = try RawClient(port: port)
            fast.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try fast.readResponse().text == "hello world")
            #expect(ContinuousClock.now - start < .milliseconds(300))
            #expect(try slow.readResponse().text == "slow")
        }
    }

    @Test func portZeroReportsTheBoundPort() throws {
        try withServer(router: Router()) { server, port in
            #expect(port > 0)
            #expect(server.port == port)
        }
    }

    @Test func startingTwiceOrOnABusyPortFails() throws {
        try withServer(router: Router()) { server, port in
            #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
            let rival = HTTPServer(configuration: .init(port: port), router: Router())
            #expect(throws: HTTPServerError.systemCall("bind", errno: EADDRINUSE)) { try rival.start() }
        }
    }
}

extension HTTPServerTests {
    @Test func bodyOfTheDefaultMaximumSizeRoundTrips() throws {
        try withServer(router: echoRouter()) { _, port in
            let body = (0..<(2 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 * 31) }
            let client = try RawClient(port: port)
            client.send(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.body == body)
        }
    }
}

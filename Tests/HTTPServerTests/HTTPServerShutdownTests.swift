import ExampleTestSupport
import Foundation
import Glibc
import Testing
@testable import HTTPServer

/// `stop()` and signals: no new connections, idle ones closed, in-flight requests answered.
@Suite struct HTTPServerShutdownTests {
    @Test func stopLetsAnInFlightRequestComplete() throws {
        let handlerStarted = DispatchSemaphore(value: 0)
        var router = Router()
        router.get("/slow") { _ in
            handlerStarted.signal()
            usleep(300_000)
            return .text("finished")
        }
        let server = HTTPServer(configuration: .init(port: 0), router: router)
        try server.start()
        let port = try #require(server.port)
        let client = try RawClient(port: port)
        client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(handlerStarted.wait(timeout: .now() + 2) == .success)

        let start = ContinuousClock.now
        server.stop()
        #expect(throws: (any Error).self) { try RawClient(port: port).readResponse(timeout: .milliseconds(500)) }
        server.wait()
        #expect(ContinuousClock.now - start >= .milliseconds(250))

        let response = try client.readResponse()
        #expect(response.text == "finished")
        #expect(response.headers["Connection"] == "close")
        #expect(client.isClosedByServer(within: .seconds(1)))
    }

    @Test func stopClosesIdleConnectionsPromptly() throws {
        let server = HTTPServer(configuration: .init(port: 0), router: echoRouter())
        try server.start()
        let idle = try RawClient(port: try #require(server.port))
        idle.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle.readResponse().statusCode == 200)

        let start = ContinuousClock.now
        server.stop()
        server.wait()
        #expect(ContinuousClock.now - start < .milliseconds(500))
        #expect(idle.isClosedByServer(within: .seconds(1)))
    }

    @Test func signalStopsTheServer() throws {
        let server = HTTPServer(configuration: .init(port: 0), router: echoRouter())
        // SIGUSR2 stands in for SIGTERM, which would end the test run if anything went wrong.
        server.stopOnSignals([SIGUSR2])
        let finished = DispatchSemaphore(value: 0)
        Thread {
            try? server.run()
            finished.signal()
        }.start()
        var port: Int?
        for _ in 0..<100 where port == nil {
            usleep(10_000)
            port = server.port
        }
        let client = try RawClient(port: try #require(port))
        client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().statusCode == 200)

        kill(getpid(), SIGUSR2)
        #expect(finished.wait(timeout: .now() + 2) == .success)
        #expect(client.isClosedByServer(within: .seconds(1)))
    }
}

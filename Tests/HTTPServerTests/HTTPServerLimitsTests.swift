import ExampleTestSupport
import Foundation
import Glibc
import Testing
@testable import HTTPServer

/// What the server does with requests that are too large, too slow, too many or malformed:
/// answer with a JSON error, close, and keep serving everyone else.
@Suite struct HTTPServerLimitsTests {
    @Test func bodyOverTheLimitGets413BeforeItIsSent() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(3 * 1024 * 1024)\r\n\r\n")
            let response = try client.readResponse(timeout: .seconds(2))
            #expect(response.statusCode == 413)
            #expect(response.text == #"{"error":"request body of 3145728 bytes exceeds the limit of 2097152 bytes"}"#)
            #expect(response.headers["Connection"] == "close")
            #expect(client.isClosedByServer(within: .seconds(1)))
        }
    }

    @Test func bodyAtTheLimitIsAccepted() throws {
        try withServer(router: echoRouter(), configure: { $0.maximumBodyBytes = 1000 }) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "7", count: 1000))
            #expect(try client.readResponse().body == Array(repeating: UInt8(ascii: "7"), count: 1000))
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n")
            #expect(try client.readResponse().statusCode == 413)
        }
    }

    @Test func hugeHeadersGet431() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\nCookie: \(String(repeating: "a", count: 20 * 1024))\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == 431)
            #expect(response.text == #"{"error":"request head exceeds 16384 bytes"}"#)
            #expect(client.isClosedByServer(within: .seconds(1)))
        }
    }

    @Test func hugeRequestLineGets414() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /\(String(repeating: "a", count: 17 * 1024)) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().statusCode == 414)
        }
    }

    @Test(arguments: [
        ("Transfer-Encoding: chunked", 411,
         #"{"error":"chunked request bodies are not supported; send Content-Length"}"#),
        ("Transfer-Encoding: gzip", 501,
         #"{"error":"transfer coding 'gzip' is not supported; send Content-Length"}"#),
        ("Content-Length: 12abc", 400, #"{"error":"malformed Content-Length"}"#),
        ("Content-Length: 3\r\nContent-Length: 4", 400, #"{"error":"malformed Content-Length"}"#),
    ])
    func unsupportedBodyFramingIsRejected(header: String, statusCode: Int, body: String) throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\n\(header)\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == statusCode)
            #expect(response.text == body)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(client.isClosedByServer(within: .seconds(1)))
        }
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /hello\r\n\r\n",
        "GET  /hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "G(T /hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: x\r\n folded: value\r\n\r\n",
        "GET /hello HTTP/1.1\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: x\r\nBad: a\u{01}b\r\n\r\n",
        "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}\r\n\r\n",
    ])
    func malformedRequestGets400(request: String) throws {
        let log = LogRecorder()
        try withServer(router: echoRouter(), log: log) { _, port in
            let client = try RawClient(port: port)
            client.send(request)
            let response = try client.readResponse()
            #expect(response.statusCode == 400)
            #expect(response.text.hasPrefix(#"{"error":""#))
            #expect(client.isClosedByServer(within: .seconds(1)))
        }
        #expect(log.lines.count == 1)
    }

    @Test func unknownHTTPVersionGets505() throws {
        try withServer(router: echoRouter()) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/2.0\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().statusCode == 505)
        }
    }

    @Test func stalledClientGets408WhileOthersAreServed() throws {
        try withServer(router: echoRouter(), configure: { $0.readTimeout = .milliseconds(500) }) { _, port in
            let start = ContinuousClock.now
            let stalled = try RawClient(port: port)
            stalled.send("GET /hello HTTP/1.1\r\nHo")

            let other = try RawClient(port: port)
            other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try other.readResponse().text == "hello world")
            #expect(ContinuousClock.now - start < .milliseconds(400))

            let response = try stalled.readResponse(timeout: .seconds(2))
            let elapsed = ContinuousClock.now - start
            #expect(response.statusCode == 408)
            #expect(elapsed >= .milliseconds(450) && elapsed < .milliseconds(1500), "408 after \(elapsed)")
            #expect(stalled.isClosedByServer(within: .seconds(1)))
        }
    }

    @Test func silentNewConnectionIsClosedAfterTheReadTimeout() throws {
        try withServer(router: echoRouter(), configure: { $0.readTimeout = .milliseconds(300) }) { _, port in
            let start = ContinuousClock.now
            let silent = try RawClient(port: port)
            #expect(silent.isClosedByServer(within: .seconds(2)))
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(250) && elapsed < .milliseconds(1200), "closed after \(elapsed)")
        }
    }

    @Test func slowlorisDrippingBytesGets408() throws {
        try withServer(router: echoRouter(), configure: { $0.readTimeout = .milliseconds(500) }) { _, port in
            let start = ContinuousClock.now
            let client = try RawClient(port: port)
            for byte in "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8 {
                client.send([byte])
                if ContinuousClock.now - start > .milliseconds(900) { break }
                usleep(50_000)
            }
            let response = try client.readResponse(timeout: .seconds(1))
            #expect(response.statusCode == 408)
            #expect(ContinuousClock.now - start < .milliseconds(2000))
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withServer(router: echoRouter(), configure: { $0.idleTimeout = .milliseconds(200) }) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().statusCode == 200)
            let start = ContinuousClock.now
            #expect(client.isClosedByServer(within: .seconds(2)))
            #expect(ContinuousClock.now - start < .milliseconds(1000))
        }
    }

    @Test func connectionsBeyondTheMaximumGet503() throws {
        try withServer(router: echoRouter(), configure: { $0.maximumConnections = 2 }) { _, port in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            for client in [first, second] {
                client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().statusCode == 200)
            }
            let third = try RawClient(port: port)
            let refusal = try third.readResponse()
            #expect(refusal.statusCode == 503)
            #expect(refusal.text == #"{"error":"too many connections; try again later"}"#)
            #expect(third.isClosedByServer(within: .seconds(1)))

            first.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try first.readResponse().statusCode == 200)
            #expect(first.isClosedByServer(within: .seconds(1)))
            // The slot is freed once the server's thread has finished closing (within ~100 ms).
            var statusCode = 0
            for _ in 0..<40 where statusCode != 200 {
                let fourth = try RawClient(port: port)
                fourth.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                statusCode = try fourth.readResponse().statusCode
                usleep(25_000)
            }
            #expect(statusCode == 200)
        }
    }

    @Test func floodOfBadRequestsLeavesTheServerServing() throws {
        let statusCodes = StatusCodeRecorder()
        try withServer(router: echoRouter()) { _, port in
            DispatchQueue.concurrentPerform(iterations: 200) { index in
                guard let client = try? RawClient(port: port) else { return }
                let junk: [UInt8] = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ index) } + Array("\r\n\r\n".utf8)
                client.send(index.isMultiple(of: 2) ? junk : Array("BAD\r\n\r\n".utf8))
                statusCodes.record((try? client.readResponse().statusCode) ?? 0)
            }
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello world")
        }
        #expect(statusCodes.values.count == 200)
        #expect(statusCodes.values.allSatisfy { $0 == 400 || $0 == 503 }, "\(Set(statusCodes.values))")
    }
}

/// Status codes recorded from many threads.
private final class StatusCodeRecorder: @unchecked Sendable {  // `recorded` is guarded by `lock`
    private let lock = NSLock()
    private var recorded: [Int] = []
    var values: [Int] { lock.withLock { recorded } }
    func record(_ value: Int) { lock.withLock { recorded.append(value) } }
}

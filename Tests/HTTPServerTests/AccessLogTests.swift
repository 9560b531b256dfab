import ExampleTestSupport
import Foundation
import Testing
@testable import HTTPServer

@Suite struct AccessLogTests {
    /// Splits `GET /x 200 5 0.42ms` into its five fields, checking the duration's shape.
    private func fields(_ line: String) -> [String] {
        let fields = line.split(separator: " ").map(String.init)
        #expect(fields.count == 5, "\(line)")
        #expect(fields.last?.wholeMatch(of: /\d+\.\d\dms/) != nil, "\(line)")
        return Array(fields.prefix(4))
    }

    @Test func logsOneLinePerRequest() throws {
        let log = LogRecorder()
        var router = echoRouter()
        router.get("/slow") { _ in
            usleep(50_000)
            return .text("done")
        }
        try withServer(router: router, log: log) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello?name=Ada HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse(toHead: true)
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            client.send("NONSENSE\r\n\r\n")
            _ = try client.readResponse()
        }
        let lines = log.lines
        #expect(lines.count == 5)
        guard lines.count == 5 else { return }
        #expect(fields(lines[0]) == ["GET", "/hello?name=Ada", "200", "9"])
        #expect(fields(lines[1]) == ["HEAD", "/hello", "200", "0"])
        #expect(fields(lines[2]) == ["GET", "/slow", "200", "4"])
        let slowMilliseconds = Double(lines[2].split(separator: " ")[4].dropLast(2)) ?? 0
        #expect(slowMilliseconds >= 50 && slowMilliseconds < 1000)
        #expect(fields(lines[3]) == ["DELETE", "/hello", "405", "50"])
        #expect(fields(lines[4]) == ["-", "-", "400", "34"])
    }

    /// Every 5xx names its cause, which the client never sees: a handler's `HTTPError`
    /// cause, or the error it threw instead.
    @Test func serverErrorsAreLoggedWithTheirCause() throws {
        struct DiskOnFire: Error {}
        let log = LogRecorder()
        var router = Router()
        router.get("/thrown") { _ in throw DiskOnFire() }
        router.get("/explained") { _ in throw HTTPError(.serviceUnavailable, "busy", cause: "queue of 40 full") }
        router.get("/fine") { _ in throw HTTPError(.notFound, "nothing here", cause: "not logged for a 4xx") }
        try withServer(router: router, log: log) { _, port in
            let client = try RawClient(port: port)
            for path in ["/thrown", "/explained", "/fine"] {
                client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(!response.text.contains("DiskOnFire") && !response.text.contains("queue"))
            }
        }
        let lines = log.lines
        #expect(lines.count == 3)
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("GET /thrown 500 ") && lines[0].hasSuffix("ms cause: DiskOnFire: DiskOnFire()"), "\(lines[0])")
        #expect(lines[1].hasPrefix("GET /explained 503 ") && lines[1].hasSuffix("ms cause: queue of 40 full"), "\(lines[1])")
        #expect(fields(lines[2]) == ["GET", "/fine", "404", "24"])  // {"error":"nothing here"}
    }

    @Test func formatsTheDurationInMilliseconds() {
        let log = LogRecorder()
        log.accessLog.record(method: "POST", target: "/predict", status: .ok, bodyBytes: 57,
                             duration: .microseconds(1836))
        #expect(log.lines == ["POST /predict 200 57 1.84ms"])
    }
}

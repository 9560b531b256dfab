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

    @Test func formatsTheDurationInMilliseconds() {
        let log = LogRecorder()
        log.accessLog.record(method: "POST", target: "/predict", status: .ok, bodyBytes: 57,
                             duration: .microseconds(1836))
        #expect(log.lines == ["POST /predict 200 57 1.84ms"])
    }
}

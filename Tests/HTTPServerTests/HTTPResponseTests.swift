import Foundation
import Testing
@testable import HTTPServer

@Suite struct HTTPResponseTests {
    private struct Prediction: Codable {
        var digit: Int
        var probabilities: [Double]
    }

    private func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test func jsonFromCodableHasSortedKeys() throws {
        let response = try HTTPResponse.json(Prediction(digit: 7, probabilities: [0.25, 0.75]), status: .created)
        #expect(response.status == .created)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(text(response) == #"{"digit":7,"probabilities":[0.25,0.75]}"#)
    }

    @Test func jsonFromDictionary() throws {
        let response = try HTTPResponse.json(object: ["digit": 7, "label": "seven", "path": "/a/b"])
        #expect(text(response) == #"{"digit":7,"label":"seven","path":"/a/b"}"#)
        #expect(throws: HTTPError.self) { try HTTPResponse.json(object: ["date": Date()]) }
    }

    @Test func errorBodyEscapesTheMessage() {
        let response = HTTPResponse.error(.badRequest, message: #"bad "pixels"\"#)
        #expect(response.status == .badRequest)
        #expect(text(response) == #"{"error":"bad \"pixels\"\\"}"#)
    }

    @Test func requestBodyDecodesAsJSONOr400() throws {
        let request = HTTPRequest(method: .post, path: "/", body: Array(#"{"digit":3,"probabilities":[1]}"#.utf8))
        #expect(try request.decodedJSON(as: Prediction.self).digit == 3)
        let broken = HTTPRequest(method: .post, path: "/", body: Array(#"{"digit":"3"}"#.utf8))
        #expect(throws: HTTPError(.badRequest, "invalid JSON body: wrong type at 'digit'")) {
            try broken.decodedJSON(as: Prediction.self)
        }
        let truncated = HTTPRequest(method: .post, path: "/", body: Array(#"{"digit":"#.utf8))
        #expect(throws: HTTPError(.badRequest, "invalid JSON body: malformed JSON")) {
            try truncated.decodedJSON(as: Prediction.self)
        }
    }

    @Test func serializationAddsFramingAndRemovesLineBreaks() {
        var response = HTTPResponse.text("hi")
        response.headers["X-Evil"] = "a\r\nSet-Cookie: x"
        response.headers["Content-Length"] = "999"
        let wire = String(decoding: response.serialized(keepAlive: false, includingBody: true), as: UTF8.self)
        #expect(wire.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "X-Evil: aSet-Cookie: x\r\nContent-Length: 2\r\nConnection: close\r\nDate: "))
        #expect(wire.hasSuffix(" GMT\r\n\r\nhi"))
        let head = String(decoding: response.serialized(keepAlive: true, includingBody: false), as: UTF8.self)
        #expect(head.hasSuffix("\r\n\r\n") && head.contains("Connection: keep-alive\r\n"))
    }

    @Test(arguments: [("html", "text/html; charset=utf-8"), ("CSS", "text/css; charset=utf-8"),
                      ("js", "text/javascript; charset=utf-8"), ("png", "image/png"),
                      ("json", "application/json"), ("svg", "image/svg+xml"), ("bin", "application/octet-stream")])
    func mediaTypeFollowsTheExtension(pathExtension: String, mediaType: String) {
        #expect(MediaType.forPathExtension(pathExtension) == mediaType)
    }
}

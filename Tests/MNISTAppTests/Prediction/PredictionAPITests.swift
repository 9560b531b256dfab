import ExampleTestSupport
import Foundation
import ImageCodecs
import MNIST
import NumSight
import Testing
@testable import MNISTApp

/// The JSON API over real loopback sockets: every endpoint, every kind of bad
/// input, and a flood of them. The model is untrained: these tests check the
/// contract, not the accuracy.
@Suite struct PredictionAPITests {
    static let recognizer = DigitRecognizer(model: withRandomSeed(1) { SeedCNN.makeModel() })

    /// A 280×280 white canvas with black strokes drawn as filled rectangles (x, y, width, height).
    static func canvasPNG(strokes: [(Int, Int, Int, Int)]) throws -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: 280 * 280)
        for (x, y, width, height) in strokes {
            for row in y..<(y + height) { for column in x..<(x + width) { pixels[row * 280 + column] = 0 } }
        }
        return try PNGEncoder.encode(pixels, width: 280, height: 280, colorType: .greyscale)
    }

    func post(_ body: String, to path: String = "/predict", port: Int) throws -> RawClient.Response {
        let client = try RawClient(port: port)
        client.send("POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        return try client.readResponse(timeout: .seconds(10))
    }

    func get(_ path: String, port: Int) throws -> RawClient.Response {
        let client = try RawClient(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return try client.readResponse(timeout: .seconds(10))
    }

    func withApp(recognizer: DigitRecognizer? = Self.recognizer, _ body: (Int) throws -> Void) throws {
        let router = WebApp.router(recognizer: recognizer,
                                   trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent/training_history.png"))
        try withServer(router: router) { _, port in try body(port) }
    }

    func errorMessage(of response: RawClient.Response) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return try #require(object?["error"] as? String, "no error field in \(response.text)")
    }

    @Test func healthReportsTheLoadedModel() throws {
        try withApp { port in
            let response = try get("/health", port: port)
            #expect(response.statusCode == 200)
            #expect(response.text == #"{"model_loaded":true,"status":"healthy"}"#)
        }
        try withApp(recognizer: nil) { port in
            let response = try get("/health", port: port)
            #expect(response.text == #"{"model_loaded":false,"status":"healthy"}"#)
        }
    }

    @Test func aDrawingGetsTheOriginalFieldsAndTheModelInput() throws {
        let png = try Self.canvasPNG(strokes: [(130, 60, 20, 160)])
        for image in [Data(png).base64EncodedString(), "data:image/png;base64," + Data(png).base64EncodedString()] {
            try withApp { port in
                let response = try post(#"{"image": "\#(image)", "model_input": true}"#, port: port)
                #expect(response.statusCode == 200, "\(response.text)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
                let digit = try #require(object["digit"] as? Int)
                let confidence = try #require(object["confidence"] as? Double)
                let probabilities = try #require(object["probabilities"] as? [String: Double])
                let input = try #require(object["model_input"] as? [Double])
                #expect((0...9).contains(digit))
                #expect(Set(probabilities.keys) == Set((0...9).map(String.init)))
                #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-4)
                #expect(abs(confidence - probabilities["\(digit)"]!) < 1e-6)
                #expect(confidence == probabilities.values.max())
                #expect(input.count == 784 && input.allSatisfy { (0...1).contains($0) })
                // One digit: `digits` holds it, boxed around the stroke, and `number` reads it.
                let digits = try #require(object["digits"] as? [[String: Any]])
                #expect(digits.count == 1)
                #expect(digits.first?["digit"] as? Int == digit)
                #expect(digits.first?["box"] as? [Int] == [130, 60, 20, 160])
                #expect(object["number"] as? String == String(digit))
            }
        }
    }

    @Test func aNumberGetsEveryDigitLeftToRight() throws {
        let drawing = NumberDrawing("2026")
        let png = try PNGEncoder.encode(drawing.image)
        try withApp { port in
            let response = try post(#"{"image": "\#(Data(png).base64EncodedString())"}"#, port: port)
            #expect(response.statusCode == 200, "\(response.text.prefix(200))")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            let digits = try #require(object["digits"] as? [[String: Any]])
            let number = try #require(object["number"] as? String)
            #expect(digits.count == 4)
            #expect(number.count == 4 && number.allSatisfy { "0123456789".contains($0) }, "number \(number)")
            #expect(number == digits.compactMap { $0["digit"] as? Int }.map(String.init).joined())
            let boxes = digits.compactMap { $0["box"] as? [Int] }
            let expected = drawing.inkBoxes.map { [$0.columns.lowerBound, $0.rows.lowerBound, $0.columns.count, $0.rows.count] }
            #expect(boxes == expected)
            for digit in digits {
                let probabilities = try #require(digit["probabilities"] as? [String: Double])
                #expect(Set(probabilities.keys) == Set((0...9).map(String.init)))
                #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-4)
            }
            // The original fields are the most confident digit's.
            let confidences = digits.compactMap { $0["confidence"] as? Double }
            let surest = try #require(confidences.indices.max { confidences[$0] < confidences[$1] })
            #expect(object["confidence"] as? Double == confidences[surest])
            #expect(object["digit"] as? Int == digits[surest]["digit"] as? Int)
            #expect(object["model_input"] == nil, "the model input is sent only when asked for")
            let asked = try post(#"{"image": "\#(Data(png).base64EncodedString())"}"#, to: "/predict?model_input=true", port: port)
            let askedObject = try JSONSerialization.jsonObject(with: Data(asked.body)) as? [String: Any]
            #expect((askedObject?["model_input"] as? [Double])?.count == 784)
        }
    }

    @Test func anEmptyDrawingIsNoDigitNotAGuess() throws {
        let blank = Data(try Self.canvasPNG(strokes: [])).base64EncodedString()
        let black = Data(try PNGEncoder.encode([UInt8](repeating: 0, count: 280 * 280), width: 280, height: 280,
                                               colorType: .greyscale)).base64EncodedString()
        try withApp { port in
            for image in [blank, black] {
                let response = try post(#"{"image": "\#(image)"}"#, port: port)
                #expect(response.statusCode == 422)
                #expect(try errorMessage(of: response) == "no digit found")
            }
        }
    }

    @Test(arguments: [
        ("malformed JSON", #"{"image": "#),
        ("a missing image", #"{"picture": "abc"}"#),
        ("a non-string image", #"{"image": 5}"#),
        ("an empty image", #"{"image": ""}"#),
        ("bytes that are not a PNG", #"{"image": "\#(Data("hello, world".utf8).base64EncodedString())"}"#),
        ("a JPEG data URL", #"{"image": "data:image/jpeg;base64,/9j/4AAQSkZJRg=="}"#),
        ("a JSON array", #"["image"]"#),
    ])
    func badRequestsGet400WithAnError(_ name: String, _ body: String) throws {
        try withApp { port in
            let response = try post(body, port: port)
            #expect(response.statusCode == 400, "\(name): \(response.statusCode) \(response.text)")
            #expect(!(try errorMessage(of: response)).isEmpty)
        }
    }

    @Test func aCorruptPNGGets400() throws {
        var png = try Self.canvasPNG(strokes: [(130, 60, 20, 160)])
        png[png.count / 2] ^= 0xFF  // inside the image data: its CRC no longer matches
        try withApp { port in
            let response = try post(#"{"image": "\#(Data(png).base64EncodedString())"}"#, port: port)
            #expect(response.statusCode == 400, "\(response.text)")
        }
    }

    @Test func absurdDimensionsGet400BeforeAnythingIsInflated() throws {
        // A valid header claiming 100,000 × 100,000 pixels, with a correct CRC.
        var header: [UInt8] = Array("IHDR".utf8)
        for value in [UInt32(100_000), UInt32(100_000)] { header += withUnsafeBytes(of: value.bigEndian, Array.init) }
        header += [8, 0, 0, 0, 0]
        let crc = withUnsafeBytes(of: CRC32.checksum(of: header).bigEndian, Array.init)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + header + crc
        try withApp { port in
            let response = try post(#"{"image": "\#(Data(png).base64EncodedString())"}"#, port: port)
            #expect(response.statusCode == 400, "\(response.text)")
        }
    }

    @Test func aBodyOverTwoMebibytesGets413() throws {
        try withApp { port in
            let client = try RawClient(port: port)
            client.send("POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(3 << 20)\r\n\r\n")
            #expect(try client.readResponse().statusCode == 413)
        }
    }

    @Test func unknownPathsAndWrongMethods() throws {
        try withApp { port in
            #expect(try get("/nope", port: port).statusCode == 404)
            let wrongMethod = try get("/predict", port: port)
            #expect(wrongMethod.statusCode == 405)
            #expect(wrongMethod.headers["Allow"] == "POST")
            #expect(try post("{}", to: "/health", port: port).statusCode == 405)
            #expect(try get("/training_history.png", port: port).statusCode == 404)
        }
    }

    @Test func withoutAModelPredictGets503() throws {
        try withApp(recognizer: nil) { port in
            let response = try post(#"{"image": "abc"}"#, port: port)
            #expect(response.statusCode == 503)
        }
    }

    @Test func thePageIsServed() throws {
        try withApp { port in
            let page = try get("/", port: port)
            #expect(page.statusCode == 200)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<canvas"))
        }
    }

    @Test func aFloodOfBadRequestsLeavesTheServerAnswering() throws {
        try withApp { port in
            for index in 0..<200 {
                let body = index.isMultiple(of: 2) ? #"{"image": 1"# : #"{"image": "not base64 !!"}"#
                let response = try post(body, port: port)
                #expect(response.statusCode == 400)
            }
            let health = try get("/health", port: port)
            #expect(health.statusCode == 200)
        }
    }
}

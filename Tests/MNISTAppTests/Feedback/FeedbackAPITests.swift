import ExampleTestSupport
import Foundation
import ImageCodecs
import NumSight
import Testing
@testable import MNISTApp

/// `POST /feedback` over real loopback sockets: what it stores, and what it refuses.
@Suite struct FeedbackAPITests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FeedbackAPITests-\(UUID().uuidString)")
    let helpers = PredictionAPITests()

    func withApp(recognizer: DigitRecognizer? = PredictionAPITests.recognizer, maximumSampleCount: Int = 100,
                 log: LogRecorder = LogRecorder(), prepare: (FeedbackStore) throws -> Void = { _ in },
                 _ body: (Int) throws -> Void) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FeedbackStore(folder: folder, maximumSampleCount: maximumSampleCount)
        try prepare(store)
        let router = WebApp.router(recognizer: recognizer,
                                   trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent/training_history.png"),
                                   feedbackStore: store)
        try withServer(router: router, log: log) { _, port in try body(port) }
    }

    func post(_ body: String, port: Int) throws -> RawClient.Response {
        try helpers.post(body, to: "/feedback", port: port)
    }

    static let strokePNG = Data(try! PredictionAPITests.canvasPNG(strokes: [(130, 60, 20, 160)])).base64EncodedString()

    @Test func aDrawingIsStoredAsTheInputPredictSees() throws {
        try withApp { port in
            let predicted = try helpers.post(#"{"image": "\#(Self.strokePNG)", "model_input": true}"#, port: port)
            let object = try JSONSerialization.jsonObject(with: Data(predicted.body)) as? [String: Any]
            let modelInput = try #require(object?["model_input"] as? [Double])

            let response = try post(#"{"image": "data:image/png;base64,\#(Self.strokePNG)", "label": 1}"#, port: port)
            #expect(response.statusCode == 201, "\(response.text)")
            #expect(response.text == #"{"stored":1}"#)
            let stored = try FeedbackStore.read(from: folder).samples
            #expect(stored.map(\.label) == [1])
            #expect(stored.first?.pixels == modelInput.map { UInt8(($0 * 255).rounded()) })
        }
    }

    @Test func aModelInputIsStoredAsIs() throws {
        let values = (0..<784).map { Double($0 % 256) / 255 }
        try withApp(recognizer: nil) { port in
            let body = #"{"model_input": [\#(values.map { "\($0)" }.joined(separator: ","))], "label": 9}"#
            #expect(try post(body, port: port).text == #"{"stored":1}"#)
            #expect(try post(body, port: port).text == #"{"stored":2}"#)
            let stored = try FeedbackStore.read(from: folder).samples
            #expect(stored.count == 2)
            #expect(stored.allSatisfy { $0.label == 9 && $0.pixels == (0..<784).map { UInt8($0 % 256) } })
        }
    }

    @Test(arguments: [
        ("malformed JSON", #"{"label": "#),
        ("no label", #"{"model_input": [0]}"#),
        ("a label of 10", #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": 10}"#),
        ("a negative label", #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": -1}"#),
        ("a fractional label", #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": 2.5}"#),
        ("a label as a string", #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": "7"}"#),
        ("neither image nor input", #"{"label": 7}"#),
        ("both image and input", #"{"image": "\#(strokePNG)", "model_input": \#([Int](repeating: 0, count: 784)), "label": 7}"#),
        ("783 values", #"{"model_input": \#([Int](repeating: 0, count: 783)), "label": 7}"#),
        ("a value above 1", #"{"model_input": \#([Int](repeating: 0, count: 783) + [2]), "label": 7}"#),
        ("a string value", #"{"model_input": ["0.5"], "label": 7}"#),
        ("bytes that are not a PNG", #"{"image": "\#(Data("hello".utf8).base64EncodedString())", "label": 7}"#),
        ("a JPEG data URL", #"{"image": "data:image/jpeg;base64,/9j/4AAQSkZJRg==", "label": 7}"#),
    ])
    func badRequestsGet400AndStoreNothing(_ name: String, _ body: String) throws {
        try withApp { port in
            let response = try post(body, port: port)
            #expect(response.statusCode == 400, "\(name): \(response.statusCode) \(response.text)")
            #expect(!(try helpers.errorMessage(of: response)).isEmpty)
            #expect(try FeedbackStore.read(from: folder).recordCount == 0)
        }
    }

    @Test func drawingsWithoutOneDigitGet422() throws {
        let blank = Data(try PredictionAPITests.canvasPNG(strokes: [])).base64EncodedString()
        let number = Data(try PNGEncoder.encode(NumberDrawing("47").image)).base64EncodedString()
        try withApp { port in
            let empty = try post(#"{"image": "\#(blank)", "label": 3}"#, port: port)
            #expect(empty.statusCode == 422)
            #expect(try helpers.errorMessage(of: empty) == "no digit found")
            let several = try post(#"{"image": "\#(number)", "label": 3}"#, port: port)
            #expect(several.statusCode == 422, "\(several.text)")
            #expect(try FeedbackStore.read(from: folder).recordCount == 0)
        }
    }

    @Test func anImageWithoutAModelGets503() throws {
        try withApp(recognizer: nil) { port in
            let response = try post(#"{"image": "\#(Self.strokePNG)", "label": 1}"#, port: port)
            #expect(response.statusCode == 503)
        }
    }

    @Test func aFullStoreGets507AndKeepsItsSamples() throws {
        let body = #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": 0}"#
        try withApp(maximumSampleCount: 2) { port in
            #expect(try post(body, port: port).statusCode == 201)
            #expect(try post(body, port: port).statusCode == 201)
            let full = try post(body, port: port)
            #expect(full.statusCode == 507)
            #expect(try helpers.errorMessage(of: full).contains("full"))
            #expect(try FeedbackStore.read(from: folder).samples.count == 2)
        }
    }

    /// A full disk, for real: the store's file is replaced by `/dev/full`, whose writes fail
    /// with `ENOSPC`. The client gets 507 and JSON; the log gets the cause.
    @Test func aFullDiskGets507AndTheLogSaysWhy() throws {
        let body = #"{"model_input": \#([Int](repeating: 0, count: 784)), "label": 0}"#
        let log = LogRecorder()
        let file = FeedbackStore.fileURL(in: folder)
        try withApp(log: log, prepare: { _ in
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: "/dev/full")
        }) { port in
            let response = try post(body, port: port)
            #expect(response.statusCode == 507)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(try helpers.errorMessage(of: response) == "the disk holding the feedback store is full; nothing was stored")
        }
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.hasSuffix("cause: write \(file.path): No space left on device") == true, "\(log.lines)")
    }

    @Test func withoutAStoreThereIsNoRoute() throws {
        let router = WebApp.router(recognizer: nil, trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent/plot.png"))
        try withServer(router: router) { _, port in
            let response = try post(#"{"label": 1}"#, port: port)
            #expect(response.statusCode == 405)  // only the page's files, which answer GET
        }
    }
}

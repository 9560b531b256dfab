import Foundation
import Testing
@testable import MNISTApp

/// `POST /inside` over loopback: the feature maps, filters and saliency of a drawing, in the
/// format `ModelInsightResponse` documents, and the errors `/predict` gives for bad bodies.
extension PredictionAPITests {
    @Test func insideShowsEveryLayerFiltersAndSaliency() throws {
        let png = try Self.canvasPNG(strokes: [(130, 60, 20, 160)])
        let body = #"{"image": "data:image/png;base64,\#(Data(png).base64EncodedString())"}"#
        try withApp { port in
            let response = try post(body, to: "/inside", port: port)
            #expect(response.statusCode == 200, "\(response.text.prefix(200))")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            let predicted = try #require(try JSONSerialization.jsonObject(
                with: Data(post(body, to: "/predict?model_input=true", port: port).body)) as? [String: Any])
            #expect(object["digit"] as? Int == predicted["digit"] as? Int)
            #expect(object["model_input"] as? [Double] == predicted["model_input"] as? [Double])

            let layers = try #require(object["layers"] as? [[String: Any]])
            #expect(layers.compactMap { $0["name"] as? String } == [
                "conv1", "norm1", "relu1", "pool1", "conv2", "norm2", "relu2", "pool2", "conv3", "norm3", "relu3", "dense1", "dense2",
            ])
            for layer in layers {
                let shape = try #require(layer["shape"] as? [Int])
                let scale = try #require(layer["scale"] as? [Double])
                let base64 = try #require(layer["data"] as? String)
                let data = try #require(Data(base64Encoded: base64))
                #expect(shape.count == 3 && data.count == shape.reduce(1, *), "\(layer["name"]!): \(shape), \(data.count) bytes")
                #expect(scale.count == 2 && scale[0] <= scale[1])
            }
            #expect(layers.first?["shape"] as? [Int] == [28, 28, 32])
            #expect(layers.last?["shape"] as? [Int] == [1, 1, 10])

            let filters = try #require(object["filters"] as? [String: Any])
            #expect(filters["shape"] as? [Int] == [3, 3, 1, 32])
            #expect((filters["values"] as? [Double])?.count == 288)
            let saliency = try #require(object["saliency"] as? [String: Any])
            #expect(saliency["digit"] as? Int == object["digit"] as? Int)
            #expect(saliency["shape"] as? [Int] == [28, 28])
            let values = try #require(saliency["values"] as? [Double])
            #expect(values.count == 784 && values.contains { $0 != 0 })
        }
    }

    @Test func insideAnswersBadRequestsAsPredictDoes() throws {
        let blank = Data(try Self.canvasPNG(strokes: [])).base64EncodedString()
        try withApp { port in
            let malformed = try post(#"{"image": "#, to: "/inside", port: port)
            #expect(malformed.statusCode == 400)
            #expect(!(try errorMessage(of: malformed)).isEmpty)
            let notPNG = try post(#"{"image": "\#(Data("hello".utf8).base64EncodedString())"}"#, to: "/inside", port: port)
            #expect(notPNG.statusCode == 400)
            let empty = try post(#"{"image": "\#(blank)"}"#, to: "/inside", port: port)
            #expect(empty.statusCode == 422)
            #expect(try errorMessage(of: empty) == "no digit found")
        }
        try withApp(recognizer: nil) { port in
            let response = try post(#"{"image": "\#(blank)"}"#, to: "/inside", port: port)
            #expect(response.statusCode == 503)
        }
    }
}

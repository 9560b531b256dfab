import Foundation
import HTTPServer

/// The JSON API of the original app, on a ``Router``:
///
/// - `GET /health` → `{"status": "healthy", "model_loaded": true}`
/// - `POST /predict` with `{"image": "<base64 PNG>"}` (or a `data:image/png;base64,…`
///   URL) → `{"digit": 7, "confidence": 0.98, "probabilities": {"0": …, "9": …},
///   "digits": [{"digit": 2, "confidence": 0.97, "box": [x, y, width, height],
///   "probabilities": {…}}, …], "number": "2026"}`, plus `"model_input": [784 values]`
///   when the body has `"model_input": true` or the query `?model_input=true`
///
/// The drawing may hold several digits in a row (see `DigitSegmenter`): `digits` lists
/// them left to right and `number` reads them; the original fields are those of the
/// digit the model is surest of, so for a single digit nothing changes.
///
/// - `POST /inside`, the same body → the network's feature maps, first filters and the
///   saliency of its answer, for the digit `/predict` reports first: see `ModelInsightResponse`
///
/// Bad input gets 400 with `{"error": "…"}` (a PNG over 2048 × 2048 pixels, or over 16 MiB
/// of image data, among it: see `DigitRecognizer.drawingDecoder`); a drawing without a
/// digit, whatever its colour, 422 `{"error": "no digit found"}`; no model 503. `digits`
/// and `number` are additions; clients of the original that read `model_input` now ask for it.
public enum PredictionAPI {
    /// Adds the API's routes; `recognizer` is `nil` while no model is loaded.
    public static func addRoutes(to router: inout Router, recognizer: DigitRecognizer?) {
        router.get("/health") { _ in
            try .json(Health(status: "healthy", modelLoaded: recognizer != nil))
        }
        router.post("/predict") { request in
            guard let recognizer else { throw HTTPError(.serviceUnavailable, "no model is loaded") }
            let body: PredictRequest = try request.decodedJSON()
            let png = try pngBytes(ofImage: body.image)
            let recognition = try answeringDrawingErrors { try recognizer.recognizeAll(png: png) }
            let includesModelInput = body.modelInput == true || ["true", "1"].contains(request.query["model_input"])
            let response = try PredictionResponse(recognition: recognition, includesModelInput: includesModelInput)
            return HTTPResponse(contentType: MediaType.json, body: response.encoded)
        }
        router.post("/inside") { request in
            guard let recognizer else { throw HTTPError(.serviceUnavailable, "no model is loaded") }
            let png = try pngBytes(of: request)
            let insight = try answeringDrawingErrors { try recognizer.insight(png: png) }
            do {
                return HTTPResponse(contentType: MediaType.json, body: try ModelInsightResponse(insight: insight).encoded())
            } catch {
                throw HTTPError(.internalServerError, "the model produced a value JSON cannot hold", cause: "\(error)")
            }
        }
    }

    /// The result of reading a drawing, with its failures as HTTP errors: no digit is
    /// 422 `no digit found`, anything else (a bad or absurd PNG) 400.
    static func answeringDrawingErrors<Result>(_ body: () throws -> Result) throws(HTTPError) -> Result {
        do {
            return try body()
        } catch is DigitPreprocessingError {
            throw HTTPError(.unprocessableContent, "no digit found")
        } catch {
            throw HTTPError(.badRequest, "the image is not a usable PNG: \(error)")
        }
    }

    /// The PNG bytes of a `/predict` request body.
    static func pngBytes(of request: HTTPRequest) throws(HTTPError) -> [UInt8] {
        let body: PredictRequest = try request.decodedJSON()
        return try pngBytes(ofImage: body.image)
    }

    /// The PNG bytes of an `image` field: plain base64 or a `data:image/png;base64,…` URL.
    static func pngBytes(ofImage image: String) throws(HTTPError) -> [UInt8] {
        var text = Substring(image)
        if text.hasPrefix("data:") {
            guard let comma = text.firstIndex(of: ","), text[..<comma].lowercased() == "data:image/png;base64" else {
                throw HTTPError(.badRequest, "'image' must be a PNG: a data:image/png;base64 URL or plain base64")
            }
            text = text[text.index(after: comma)...]
        }
        guard !text.isEmpty else { throw HTTPError(.badRequest, "'image' is empty") }
        guard let data = Data(base64Encoded: String(text), options: .ignoreUnknownCharacters) else {
            throw HTTPError(.badRequest, "'image' is not valid base64")
        }
        return [UInt8](data)
    }

    private struct PredictRequest: Decodable {
        let image: String
        /// Whether to answer with the model input too.
        let modelInput: Bool?

        enum CodingKeys: String, CodingKey {
            case image
            case modelInput = "model_input"
        }
    }

    private struct Health: Encodable {
        let status: String
        let modelLoaded: Bool

        enum CodingKeys: String, CodingKey {
            case status
            case modelLoaded = "model_loaded"
        }
    }
}

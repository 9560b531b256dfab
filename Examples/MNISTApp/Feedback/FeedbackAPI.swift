import Foundation
import HTTPServer

/// `POST /feedback`: a user's correction, kept in a ``FeedbackStore`` to fine-tune on later.
///
///     {"image": "<base64 PNG or data:image/png;base64 URL>", "label": 7}
///     {"model_input": [784 numbers in [0, 1]], "label": 7}
///
/// The image goes through exactly the preprocessing of `POST /predict` and must hold one
/// digit; its 28×28 model input is stored, at 256 levels, with the label. Answers 201
/// `{"stored": N}` (N: the records in the store, this one included); 400 for a bad body
/// (label not an integer 0–9, both or neither of `image` and `model_input`, a bad PNG, not
/// 784 values in [0, 1]); 422 for a drawing with no digit, or several; 503 for an image
/// while no model is loaded; 507 when the store is full or the disk is (nothing written).
enum FeedbackAPI {
    /// Adds `POST /feedback`, storing into `store`; `recognizer` preprocesses images.
    public static func addRoutes(to router: inout Router, store: FeedbackStore, recognizer: DigitRecognizer?) {
        router.post("/feedback") { request in
            let sample = try sample(from: request, recognizer: recognizer)
            let count: Int
            do {
                count = try store.append(sample)
            } catch let error as FeedbackStoreError {
                switch error {
                case .full:
                    throw HTTPError(.insufficientStorage, error.description)
                case .outOfSpace:
                    throw HTTPError(.insufficientStorage, "the disk holding the feedback store is full; nothing was stored",
                                    cause: error.description)
                case .notAFeedbackFile, .systemCallFailed:
                    throw HTTPError(.internalServerError, "internal server error", cause: error.description)
                }
            }
            return try .json(["stored": count], status: .created)
        }
    }

    /// The sample a request body describes.
    static func sample(from request: HTTPRequest, recognizer: DigitRecognizer?) throws(HTTPError) -> FeedbackSample {
        let body: FeedbackRequest = try request.decodedJSON()
        let modelInput: [Float]
        switch (body.image, body.modelInput) {
        case let (image?, nil):
            modelInput = try Self.modelInput(ofImage: image, recognizer: recognizer)
        case let (nil, values?):
            modelInput = values.map { Float($0) }
        default:
            throw HTTPError(.badRequest, "give either 'image' or 'model_input', with 'label'")
        }
        do {
            return try FeedbackSample(label: body.label, modelInput: modelInput)
        } catch {
            throw HTTPError(.badRequest, error.description)
        }
    }

    /// The model input of a drawing of one digit, preprocessed as `POST /predict` does.
    private static func modelInput(ofImage image: String, recognizer: DigitRecognizer?) throws(HTTPError) -> [Float] {
        guard let recognizer else { throw HTTPError(.serviceUnavailable, "no model is loaded to preprocess the image") }
        let png = try PredictionAPI.pngBytes(ofImage: image)
        let recognition = try PredictionAPI.answeringDrawingErrors { try recognizer.recognizeAll(png: png) }
        guard recognition.digits.count == 1 else {
            throw HTTPError(.unprocessableContent,
                            "the drawing holds \(recognition.digits.count) digits; feedback takes one digit at a time")
        }
        return recognition.digits[0].recognition.modelInput
    }

    private struct FeedbackRequest: Decodable {
        let image: String?
        let modelInput: [Double]?
        let label: Int

        enum CodingKeys: String, CodingKey {
            case image, label
            case modelInput = "model_input"
        }
    }
}

import Foundation
import HTTPServer

/// The digit-recognition web app: the page, its JSON API and the training plot.
///
/// - `GET /` and the page's files, from ``bundledPages``
/// - `GET /health`, `POST /predict`: see ``PredictionAPI``
/// - `POST /feedback`: see ``FeedbackAPI``, when a feedback store is given
/// - `GET /training_history.png`: the plot written by training, 404 until then
/// - `GET /model.bin`: the loaded model in ``WebModelFile``'s format, written on the fly, for
///   the page's instant in-browser predictions (404 while no model is loaded)
///
/// The files, the plot and the model carry an `ETag` and `Cache-Control: no-cache`: a reload
/// asks whether they changed and gets `304 Not Modified` when they did not.
public enum WebApp {
    /// `Examples/MNISTApp/Web` in this checkout: the page's HTML, CSS and JavaScript.
    public static var bundledPages: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Prediction
            .deletingLastPathComponent()  // MNISTApp
            .appendingPathComponent("Web", isDirectory: true)
    }

    /// The routes of the app; `recognizer` is `nil` while no model is loaded, `feedbackStore`
    /// `nil` for no `POST /feedback`.
    public static func router(recognizer: DigitRecognizer?, trainingHistoryPlot: URL, feedbackStore: FeedbackStore? = nil,
                              pages: URL = bundledPages) -> Router {
        var router = Router()
        PredictionAPI.addRoutes(to: &router, recognizer: recognizer)
        if let feedbackStore { FeedbackAPI.addRoutes(to: &router, store: feedbackStore, recognizer: recognizer) }
        router.get("/training_history.png") { request in try HTTPResponse.file(at: trainingHistoryPlot).validated(for: request) }
        if let recognizer {
            router.get("/" + modelFileName) { request in
                HTTPResponse(contentType: MediaType.octetStream, body: recognizer.webModelFile).validated(for: request)
            }
        }
        router.serveFiles(at: "/", from: pages)
        return router
    }
}

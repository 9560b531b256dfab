import Foundation
import HTTPServer
import ImageCodecs
import MNIST
import MNISTApp
import NumSight

/// One parser that takes untrusted bytes, fed whatever the fuzzer makes up. Each must
/// answer every input with a value or a thrown error: a trap, a hang or a sanitizer
/// report is a bug.
enum FuzzTarget: String, CaseIterable {
    /// DEFLATE streams (`Inflater`), capped at 1 MiB of output.
    case inflate
    /// PNG files, under the budgets of the server's drawing decoder.
    case png
    /// IDX files (MNIST's format), capped at 16 MiB.
    case idx
    /// safetensors files (checkpoints).
    case safetensors
    /// HTTP request heads, and the body length they announce.
    case http
    /// `POST /predict` bodies, through the app's router with an untrained model.
    case predict

    /// Runs the parser on `bytes`, discarding the result and any thrown error.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .inflate:
            _ = try? Inflater(maximumOutputCount: 1 << 20).inflate(bytes)
        case .png:
            _ = try? DigitRecognizer.drawingDecoder.decode(bytes)
        case .idx:
            _ = try? IDXFile(decoding: bytes, maximumByteCount: 16 << 20)
        case .safetensors:
            _ = try? SafeTensorsFile(bytes: bytes)
        case .http:
            guard let end = HTTPParser.endOfHead(in: bytes, from: 0),
                  let (request, _) = try? HTTPParser.parseHead(bytes[..<end.lowerBound])
            else {
                return
            }
            _ = try? HTTPParser.bodyLength(of: request, maximum: 2 << 20)
        case .predict:
            let request = HTTPRequest(method: .post, path: "/predict", headers: ["Content-Type": "application/json"],
                                      body: bytes)
            _ = try? Self.router.respond(to: request)
        }
    }

    /// The app's routes with an untrained model: the body's path matters, not the answer.
    private static let router = WebApp.router(
        recognizer: DigitRecognizer(model: withRandomSeed(1) { SeedCNN.makeModel() }),
        trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent/training_history.png"))
}

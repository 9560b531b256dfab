import Foundation
@testable import HTTPServer
import MNIST
import NumSight
import Testing
@testable import MNISTApp

@Suite struct WebModelFileTests {
    @Test func theHeaderNamesEachTensorAndTheScalarsFollowAligned() {
        let bytes = WebModelFile.encode([("w", Tensor([1, -2], shape: [1, 2])), ("bias", Tensor([0.5]))], architecture: "ab")
        let expected: [UInt8] = Array("NSWM".utf8) + [1, 0, 0, 0]   // magic, version 1
            + [2, 0, 0, 0] + Array("ab".utf8)                            // architecture
            + [2, 0, 0, 0]                                               // two tensors
            + [1, 0, 0, 0] + Array("w".utf8) + [2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0] + [60, 0, 0, 0]
            + [4, 0, 0, 0] + Array("bias".utf8) + [1, 0, 0, 0, 1, 0, 0, 0] + [68, 0, 0, 0]
            + [0]                                                        // 59 header bytes, padded to 60
            + [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0]          // 1, −2 as little-endian float32
            + [0x00, 0x00, 0x00, 0x3F]                                   // 0.5
        #expect(bytes == expected)
    }

    @Test func theSeedCNNFileHoldsEveryParameterAndBuffer() {
        let model = withRandomSeed(3) { SeedCNN.makeModel() }
        let bytes = WebModelFile.encode(model)
        let scalarCount = model.state.values.map(\.elementCount).reduce(0, +)
        #expect(scalarCount == 678_506)
        let headerCount = bytes.count - 4 * scalarCount
        #expect(headerCount % 4 == 0 && headerCount < 1024, "header of \(headerCount) bytes")
        // The last scalar is the last buffer's: layers.9.runningVariance, all ones.
        #expect(Array(bytes.suffix(4)) == [0x00, 0x00, 0x80, 0x3F])
    }

    @Test func theServerSendsTheLoadedModelAndExportWritesASite() throws {
        let model = withRandomSeed(4) { SeedCNN.makeModel() }
        let router = WebApp.router(recognizer: DigitRecognizer(model: model),
                                   trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent/training_history.png"))
        let response = try router.respond(to: HTTPRequest(method: .get, path: "/model.bin"))
        #expect(response.status == .ok)
        #expect(response.body == WebModelFile.encode(model))
        #expect(response.headers["Cache-Control"] == "no-cache")
        let tag = try #require(response.headers["ETag"])
        let revalidation = try router.respond(to: HTTPRequest(method: .get, path: "/model.bin", headers: ["If-None-Match": tag]))
        #expect(revalidation.status.code == 304 && revalidation.body.isEmpty && revalidation.headers["ETag"] == tag)
        let stale = try router.respond(to: HTTPRequest(method: .get, path: "/model.bin", headers: ["If-None-Match": #""0-0""#]))
        #expect(stale.status == .ok && stale.body == response.body)
        let withoutModel = WebApp.router(recognizer: nil, trainingHistoryPlot: URL(fileURLWithPath: "/nonexistent"))
        #expect(throws: HTTPError.self) { try withoutModel.respond(to: HTTPRequest(method: .get, path: "/model.bin")) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("StaticSite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plot = folder.appendingPathExtension("png")
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: plot)
        defer { try? FileManager.default.removeItem(at: plot) }
        let files = try WebApp.exportStaticSite(model: model, to: folder, trainingHistoryPlot: plot)
        for name in ["index.html", "app.js", "model.js", "preprocess.js", "segment.js", "deployment.js", "favicon.svg",
                     "model.bin", "training_history.png"] {
            #expect(files.contains(name), "\(name) not written: \(files)")
        }
        let deployment = try String(contentsOf: folder.appendingPathComponent("deployment.js"), encoding: .utf8)
        #expect(deployment.contains("export const isStaticSite = true;"))
        let served = try String(contentsOf: WebApp.bundledPages.appendingPathComponent("deployment.js"), encoding: .utf8)
        #expect(served.contains("export const isStaticSite = false;"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("model.bin")) == Data(WebModelFile.encode(model)))
    }
}

import Foundation
import NumSight
import Testing
@testable import MNISTApp

/// The page's "Seeing inside" panel on the static site computes in JavaScript what the server's
/// `POST /inside` computes with NumSight: under Node, `Web/model.js`'s feature maps must agree with
/// `ModelInsight`'s within 1e-4 of each layer's range, `Web/saliency.js`'s hand-written backward pass
/// with the tape's saliency within 1e-4 of its largest magnitude, and `Web/inside.js` must decode the
/// server's answer to within half a quantisation step. Runs `WebTests/inside_parity_test.mjs`.
@Suite struct InsideParityTests {
    static let script = BrowserParityTests.script
        .deletingLastPathComponent()
        .appendingPathComponent("inside_parity_test.mjs")

    /// `model.bin`, `input.f32`, `expected.txt`, `maps.f32`, `saliency.f32` and `inside.json`, as the script reads them.
    static func writeFixtures(to folder: URL) throws {
        let model = ModelInsightTests.model
        let insight = ModelInsightTests.insight
        func floats(_ values: [Float]) -> Data {
            var bytes: [UInt8] = []
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
            return Data(bytes)
        }
        try Data(WebModelFile.encode(model)).write(to: folder.appendingPathComponent("model.bin"))
        try floats(insight.modelInput).write(to: folder.appendingPathComponent("input.f32"))
        let lines = ["digit \(insight.digit)"]
            + insight.featureMaps.map { "\($0.name) \($0.layerIndex) \($0.shape.map(String.init).joined(separator: " "))" }
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("expected.txt"))
        try floats(insight.featureMaps.flatMap(\.values)).write(to: folder.appendingPathComponent("maps.f32"))
        try floats(insight.saliency).write(to: folder.appendingPathComponent("saliency.f32"))
        try Data(ModelInsightResponse(insight: insight).encoded()).write(to: folder.appendingPathComponent("inside.json"))
    }

    @Test(.enabled(if: NodeScript.node != nil, "node is not installed (nor $NODE set): the page's insight goes untested"))
    func thePagesInsightAgreesWithTheServers() throws {
        let result = try NodeScript.run(Self.script, prepare: Self.writeFixtures)
        let (text, figures) = (result.output, result.figures)
        #expect(result.status == 0, "inside_parity_test.mjs failed:\n\(text)")
        // The script's last line: `maps 13 digit 3 max-map-difference 2e-7 max-saliency-difference 1e-7 max-decoded-steps 0.5`.
        #expect(figures["maps"] == 13, "\(text)")
        #expect(figures["digit"] == Double(ModelInsightTests.insight.digit), "\(text)")
        #expect(try #require(figures["max-map-difference"], "\(text)") < 1e-4)
        #expect(try #require(figures["max-saliency-difference"], "\(text)") < 1e-4)
        #expect(try #require(figures["max-decoded-steps"], "\(text)") <= 0.51)
    }
}

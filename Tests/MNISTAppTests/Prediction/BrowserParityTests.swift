import Foundation
@testable import ImageCodecs
import MNIST
import NumSight
@testable import Plotting
import Testing
@testable import MNISTApp

/// The page's in-browser recogniser (`Web/preprocess.js`, `Web/model.js`) against the server's,
/// under Node: the same drawings give the same 28×28 input, pixel for pixel, and probabilities
/// within 1e-4. Writes fixtures (the model file, raw RGBA drawings and the Swift answers) to a
/// temporary folder and runs `WebTests/parity_test.mjs` on them.
@Suite struct BrowserParityTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Prediction
        .deletingLastPathComponent()  // MNISTAppTests
        .appendingPathComponent("WebTests/parity_test.mjs")

    /// An untrained seed CNN whose biases and batch-norm statistics are not their neutral defaults,
    /// so that every term of the forward pass counts.
    static func model() -> Sequential<Float> {
        withRandomSeed(11) {
            let model = SeedCNN.makeModel()
            var generator = SeededRandomNumberGenerator(seed: 12)
            func uniform(_ shape: [Int], _ range: Range<Float>) -> Tensor<Float> {
                .randomUniform(shape: shape, in: range, using: &generator)
            }
            for (name, parameter) in model.namedParameters {
                let shape = parameter.value.shape
                if name.hasSuffix(".bias") || name.hasSuffix(".offset") { parameter.value = uniform(shape, -0.2..<0.2) }
                if name.hasSuffix(".scale") { parameter.value = uniform(shape, 0.5..<1.5) }
            }
            for (name, buffer) in model.namedBuffers {
                let shape = buffer.value.shape
                buffer.value = name.hasSuffix("runningMean") ? uniform(shape, -0.3..<0.3) : uniform(shape, 0.4..<2.5)
            }
            return model
        }
    }

    /// 280 × 280 drawings that exercise every rule: colours and alpha, anti-aliased edges, tall and
    /// wide boxes, scaling up, a lopsided digit whose centring clips, random noise, and two without a digit.
    static func drawings() -> [(name: String, image: RGBAImage)] {
        func canvas(_ background: RGBAColor = .white, _ draw: (inout Canvas) -> Void) -> RGBAImage {
            var canvas = Canvas(width: 280, height: 280, background: background)
            draw(&canvas)
            return canvas.image
        }
        let clear = RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)
        var generator = SeededRandomNumberGenerator(seed: 13)
        var noise = canvas(clear) { _ in }
        for y in 90..<200 {
            for x in 120..<170 { for channel in 0..<4 { noise.pixels[4 * (y * 280 + x) + channel] = .random(in: 0...255, using: &generator) } }
        }
        return [
            ("seven", canvas { $0.drawPolyline([(90, 70), (190, 70), (120, 220)], color: .black, width: 20) }),
            ("tall one, red on transparent", canvas(clear) {
                $0.drawPolyline([(146, 45), (134, 235)], color: RGBAColor(red: 200, green: 30, blue: 30), width: 17)
            }),
            ("zero in half-transparent grey", canvas {
                $0.drawPolyline([(140, 30), (215, 140), (140, 250), (65, 140), (140, 30)],
                                color: RGBAColor(red: 60, green: 60, blue: 60, alpha: 150), width: 14)
            }),
            ("small four, scaled up", canvas {
                $0.drawPolyline([(40, 20), (30, 31), (44, 31)], color: .black, width: 2.5)
                $0.drawPolyline([(40, 24), (40, 36)], color: .black, width: 2.5)
            }),
            ("wide dash", canvas { $0.drawPolyline([(20, 150), (260, 140)], color: .black, width: 12) }),
            ("lopsided: a blob on a long bar", canvas {
                $0.fillCircle(centre: (45, 140), radius: 30, color: .black)
                $0.drawPolyline([(45, 140), (265, 140)], color: .black, width: 6)
            }),
            ("noise", noise),
            ("blank", canvas { _ in }),
            ("speck", canvas { $0.fillCircle(centre: (140, 140), radius: 1.5, color: .black) }),
        ]
    }

    /// Per drawing: `NAME.rgba` (raw samples) and `NAME.expected` (784 inputs then 10 probabilities,
    /// little-endian float32), or the ink count of a drawing without a digit; `cases.txt` lists them.
    static func writeFixtures(to folder: URL) throws {
        let model = model()
        let recognizer = DigitRecognizer(model: model)
        try Data(WebModelFile.encode(model)).write(to: folder.appendingPathComponent("model.bin"))
        var manifest: [String] = []
        for (index, (_, image)) in drawings().enumerated() {
            let name = "drawing\(index)"
            try Data(image.pixels).write(to: folder.appendingPathComponent("\(name).rgba"))
            let input: [Float]
            do {
                input = try DigitPreprocessor().modelInput(from: image)
            } catch let .noDigitFound(inkPixelCount) {
                manifest.append("\(name) \(image.width) \(image.height) no-digit \(inkPixelCount)")
                continue
            }
            let recognition = recognizer.recognize(modelInput: input)
            var bytes: [UInt8] = []
            for scalar in recognition.modelInput + recognition.probabilities {
                withUnsafeBytes(of: scalar.bitPattern.littleEndian) { bytes += $0 }
            }
            try Data(bytes).write(to: folder.appendingPathComponent("\(name).expected"))
            manifest.append("\(name) \(image.width) \(image.height) digit")
        }
        try Data(manifest.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("cases.txt"))
    }

    @Test(.enabled(if: NodeScript.node != nil, "node is not installed (nor $NODE set): the in-browser recogniser goes untested"))
    func theBrowserRecogniserAgreesWithTheServer() throws {
        let result = try NodeScript.run(Self.script, prepare: Self.writeFixtures)
        let (text, figures) = (result.output, result.figures)
        #expect(result.status == 0, "parity_test.mjs failed:\n\(text)")
        // The script's last line: `cases 9 digits 7 pixel-mismatches 0 max-pixel-difference 0 max-probability-difference 3e-8`.
        #expect(figures["cases"] == Double(Self.drawings().count), "\(text)")
        #expect(figures["digits"] == 7, "\(text)")
        #expect(figures["pixel-mismatches"] == 0, "\(text)")
        #expect(try #require(figures["max-probability-difference"], "\(text)") < 1e-4)
    }
}

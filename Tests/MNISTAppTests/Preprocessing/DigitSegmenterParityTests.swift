import Foundation
@testable import ImageCodecs
@testable import Plotting
import Testing
@testable import MNISTApp

/// The page's segmentation (`Web/segment.js`) against `DigitSegmenter`, under Node: the same
/// drawings of several digits give the same pieces (columns, rows, ink pixels), left to right,
/// and each piece the same 28×28 model input, pixel for pixel, so the static site reads the
/// numbers the server reads. Runs `WebTests/segment_parity_test.mjs` on fixtures written here.
@Suite struct DigitSegmenterParityTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Preprocessing
        .deletingLastPathComponent()  // MNISTAppTests
        .appendingPathComponent("WebTests/segment_parity_test.mjs")

    /// Pen strokes of one digit in a 50 × 100 box whose top-left corner is `(x, y)`.
    static func strokes(of digit: Character, x: Double, y: Double) -> [[(Double, Double)]] {
        let outline: [[(Double, Double)]]
        switch digit {
        case "0": outline = [ring]
        case "1": outline = [[(30, 0), (26, 100)]]
        case "2": outline = [[(5, 20), (25, 0), (45, 20), (5, 100), (50, 100)]]
        case "4": outline = [[(30, 0), (5, 65), (50, 65)], [(38, 40), (38, 100)]]  // the upright apart from the rest
        case "5": outline = [[(45, 0), (12, 0)], [(10, 8), (8, 45), (40, 50), (42, 90), (5, 95)]]  // the flag apart
        case "6": outline = [[(40, 0), (10, 50), (8, 85), (25, 100), (45, 85), (40, 60), (10, 65)]]
        default: outline = [[(0, 0), (50, 0), (20, 100)]]  // 7
        }
        return outline.map { stroke in stroke.map { point in (x + point.0, y + point.1) } }
    }

    /// A closed oval through the 50 × 100 box, in 30° steps.
    static let ring: [(Double, Double)] = (0...12).map { step in
        let angle = Double(step) * Double.pi / 6
        return (25 + 22 * sin(angle), 50 - 48 * cos(angle))
    }

    /// A 280 × 280 page drawing of `number`, digits 65 px apart, with the page's round pen.
    static func pageDrawing(_ number: String, pen: Double = 14, paper: RGBAColor = .white,
                            extra: (inout Canvas) -> Void = { _ in }) -> RGBAImage {
        var canvas = Canvas(width: 280, height: 280, background: paper)
        for (position, digit) in number.enumerated() {
            for stroke in strokes(of: digit, x: 15 + 65 * Double(position), y: 90) {
                canvas.drawPolyline(stroke, color: .black, width: pen)
            }
        }
        extra(&canvas)
        return canvas.image
    }

    /// Drawings that exercise every rule: four digits, digits of two strokes (merging), a pen tap and
    /// a speck (stray marks), grey anti-aliased ink, digits that touch, grey paper with a faint smudge
    /// (haze), real MNIST digits side by side, one digit alone, and nothing but a speck.
    static func drawings() -> [(name: String, image: RGBAImage)] {
        [
            ("2026", pageDrawing("2026")),
            ("45 and a tap", pageDrawing("457") { $0.fillCircle(centre: (140, 230), radius: 7, color: .black) }),
            ("grey 71 with a speck", pageDrawing("71", pen: 9) { $0.fillCircle(centre: (250, 30), radius: 1.5, color: .black) }),
            ("11 joined by a line: one piece", pageDrawing("11") { $0.drawPolyline([(30, 195), (120, 195)], color: .black, width: 14) }),
            ("2026 on grey paper, a faint smudge", pageDrawing("2026", paper: RGBAColor(red: 220, green: 220, blue: 220)) {
                $0.fillCircle(centre: (140, 240), radius: 12, color: RGBAColor(red: 190, green: 190, blue: 190))
            }),
            ("MNIST 2026", NumberDrawing("2026").image),
            ("MNIST 314159", NumberDrawing("314159", scale: 2, gap: 2).image),
            ("a lone 6", pageDrawing("6")),
            ("speck", pageDrawing("") { $0.fillCircle(centre: (140, 140), radius: 1.5, color: .black) }),
        ]
    }

    /// `cases.txt`, a line a drawing: `NAME WIDTH HEIGHT COUNT` then per segment
    /// `LEFT RIGHT TOP BOTTOM INK_PIXELS`; `NAME.rgba` the drawing's samples; `NAME.inputs` each
    /// segment's 784 model inputs, little-endian float32.
    static func writeFixtures(to folder: URL) throws {
        let preprocessor = DigitPreprocessor()
        let segmenter = DigitSegmenter(inkThreshold: preprocessor.inkThreshold, minimumPixelCount: preprocessor.minimumInkPixelCount)
        var manifest: [String] = []
        for (index, (_, image)) in drawings().enumerated() {
            let name = "drawing\(index)"
            try Data(image.pixels).write(to: folder.appendingPathComponent("\(name).rgba"))
            let segments = segmenter.segments(of: GreyscaleImage(inkOf: image).removingBackground())
            var line = "\(name) \(image.width) \(image.height) \(segments.count)"
            var bytes: [UInt8] = []
            for segment in segments {
                line += " \(segment.columns.lowerBound) \(segment.columns.upperBound) \(segment.rows.lowerBound) \(segment.rows.upperBound) \(segment.inkPixelCount)"
                for value in try preprocessor.stages(ofInk: segment.ink).centred.values {
                    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
                }
            }
            try Data(bytes).write(to: folder.appendingPathComponent("\(name).inputs"))
            manifest.append(line)
        }
        try Data(manifest.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("cases.txt"))
    }

    @Test func theDrawingsHoldTheDigitsTheyAreNamedFor() {
        let segmenter = DigitSegmenter()
        let counts = Self.drawings().map { segmenter.segments(of: GreyscaleImage(inkOf: $0.image).removingBackground()).count }
        #expect(counts == [4, 3, 2, 1, 4, 4, 6, 1, 0])
    }

    @Test(.enabled(if: NodeScript.node != nil, "node is not installed (nor $NODE set): the in-browser segmenter goes untested"))
    func theBrowserSegmenterAgreesWithTheServer() throws {
        let result = try NodeScript.run(Self.script, prepare: Self.writeFixtures)
        let (text, figures) = (result.output, result.figures)
        #expect(result.status == 0, "segment_parity_test.mjs failed:\n\(text)")
        // The last line: `cases 9 segments 25 segment-mismatches 0 pixel-mismatches 0`.
        #expect(figures["cases"] == Double(Self.drawings().count), "\(text)")
        #expect(figures["segments"] == 25, "\(text)")
        #expect(figures["segment-mismatches"] == 0, "\(text)")
        #expect(figures["pixel-mismatches"] == 0, "\(text)")
    }
}

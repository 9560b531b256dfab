import Foundation
@testable import ImageCodecs
@testable import Plotting
import Testing
@testable import MNISTApp

extension Documentation {
    /// Draws the pictures of `Documentation/ServingPredictions.md`: each stage of
    /// `DigitPreprocessor` for the drawing of its `serve-stages` sample, enlarged so that
    /// pixels show. They are written only when asked:
    ///
    ///     NUMSIGHT_WRITE_DOC_IMAGES=1 swift test --filter PreprocessingPictures
    ///
    /// Otherwise the test only checks the stages' sizes.
    @Suite struct PreprocessingPicturesTests {
        /// The "2" of the `serve-stages` sample.
        static let two = [(150.0, 120.0), (200, 95), (245, 125), (230, 180), (150, 250), (260, 250)]

        static let imagesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Documentation
            .deletingLastPathComponent()  // MNISTAppTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
            .appendingPathComponent("Documentation/Images", isDirectory: true)

        @Test func picturesOfEachStage() throws {
            var canvas = Canvas(width: 280, height: 280)
            canvas.drawPolyline(Self.two, color: .black, width: 18)
            let stages = try DigitPreprocessor().stages(of: canvas.image)
            #expect(stages.ink.width == 280 && stages.ink.height == 280)
            #expect(stages.cropped.width == stages.inkBounds.columns.count
                    && stages.cropped.height == stages.inkBounds.rows.count)
            #expect(max(stages.scaled.width, stages.scaled.height) == 20)
            #expect(stages.centred.width == 28 && stages.centred.height == 28)

            // The ink with its bounding box, the crop, the scaled digit and the model input
            // with a cross at pixel (14, 14), each at least 280 px wide.
            var bounded = Canvas(width: 280, height: 280, background: .black)
            bounded.draw(stages.ink.rgbaImage, scale: 1, at: (0, 0))
            bounded.strokeRectangle(CanvasRect(x: Double(stages.inkBounds.columns.lowerBound),
                                               y: Double(stages.inkBounds.rows.lowerBound),
                                               width: Double(stages.inkBounds.columns.count),
                                               height: Double(stages.inkBounds.rows.count)),
                                    color: .alert, width: 2)
            let cropScale = 2
            var cropped = Canvas(width: stages.cropped.width * cropScale, height: stages.cropped.height * cropScale)
            cropped.draw(stages.cropped.rgbaImage, scale: cropScale, at: (0, 0))
            var scaled = Canvas(width: stages.scaled.width * 10, height: stages.scaled.height * 10)
            scaled.draw(stages.scaled.rgbaImage, scale: 10, at: (0, 0))
            var centred = Canvas(width: 280, height: 280)
            centred.draw(stages.centred.rgbaImage, scale: 10, at: (0, 0))
            centred.drawLine(from: (145, 125), to: (145, 165), color: .alert, width: 2)
            centred.drawLine(from: (125, 145), to: (165, 145), color: .alert, width: 2)

            let pictures = [
                ("preprocessing_1_drawing.png", canvas.image), ("preprocessing_2_ink.png", bounded.image),
                ("preprocessing_3_cropped.png", cropped.image), ("preprocessing_4_scaled.png", scaled.image),
                ("preprocessing_5_centred.png", centred.image),
            ]
            guard ProcessInfo.processInfo.environment["NUMSIGHT_WRITE_DOC_IMAGES"] == "1" else { return }
            for (name, image) in pictures {
                try Data(PNGEncoder.encode(image)).write(to: Self.imagesFolder.appendingPathComponent(name))
            }
        }
    }
}

extension Canvas {
    /// Paints `image` with each pixel a `scale × scale` square, its top-left corner at `origin`.
    mutating func draw(_ image: RGBAImage, scale: Int, at origin: (x: Int, y: Int)) {
        for y in 0..<image.height {
            for x in 0..<image.width {
                let offset = 4 * (y * image.width + x)
                let color = RGBAColor(red: image.pixels[offset], green: image.pixels[offset + 1],
                                      blue: image.pixels[offset + 2], alpha: image.pixels[offset + 3])
                fillRectangle(CanvasRect(x: Double(origin.x + x * scale), y: Double(origin.y + y * scale),
                                         width: Double(scale), height: Double(scale)), color: color)
            }
        }
    }
}

import Foundation
import MNIST
import NumSight
@testable import Plotting
import Testing
@testable import MNISTApp

extension Documentation {
    /// Draws `Documentation/Images/feature_maps.png`: the "2" of `PreprocessingPicturesTests` seen
    /// from inside a trained model (`FeatureMapPlot`: its first layer's feature maps and its saliency).
    /// Written only when asked, with a trained checkpoint:
    ///
    ///     NUMSIGHT_WRITE_DOC_IMAGES=1 NUMSIGHT_DOC_MODEL=/tmp/run/model.safetensors \
    ///         swift test --filter FeatureMapPicture
    @Suite struct FeatureMapPictureTests {
        static let environment = ProcessInfo.processInfo.environment
        static let isWriting = environment["NUMSIGHT_WRITE_DOC_IMAGES"] == "1" && environment["NUMSIGHT_DOC_MODEL"] != nil

        @Test(.enabled(if: isWriting, "set NUMSIGHT_WRITE_DOC_IMAGES=1 and NUMSIGHT_DOC_MODEL to a checkpoint to draw it"))
        func pictureOfTheFeatureMaps() throws {
            let model = SeedCNN.makeModel()
            try Checkpoint.load(into: model, from: URL(fileURLWithPath: Self.environment["NUMSIGHT_DOC_MODEL"]!))
            var canvas = Canvas(width: 280, height: 280)
            canvas.drawPolyline(PreprocessingPicturesTests.two, color: .black, width: 18)
            let input = try DigitPreprocessor().modelInput(from: canvas.image)
            let insight = ModelInsight(model: model, modelInput: input)
            #expect(insight.digit == 2, "the trained model reads the 2 as a \(insight.digit)")
            try FeatureMapPlot(insight: insight)
                .writePNG(to: PreprocessingPicturesTests.imagesFolder.appendingPathComponent("feature_maps.png"))
        }
    }
}

@testable import MNIST
import Testing

@Suite struct AugmentationSettingsTests {
    @Test func aNamedPresetWithPiecesTurnsOnEachPiece() throws {
        let settings = try #require(AugmentationSettings(named: "warp+width+elastic+slant+aspect"))
        #expect(settings.rotationDegrees == AugmentationSettings.warp.rotationDegrees)
        #expect(settings.strokeWidthChanges == -0.5...1.5)
        #expect(settings.elasticAmplitude == 1.5 && settings.shearDegrees == 20 && settings.aspectFraction == 0.2)
        #expect(AugmentationSettings(named: "original") == .original)
        #expect(AugmentationSettings(named: "warp+width") == .default)
    }

    @Test func unknownPresetsAndPiecesAreRejected() {
        #expect(AugmentationSettings(named: "heavy") == nil)
        #expect(AugmentationSettings(named: "default+blur") == nil)
        #expect(AugmentationSettings(named: "default+") == nil)
    }
}

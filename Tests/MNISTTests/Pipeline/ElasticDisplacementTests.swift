@testable import MNIST
import NumSight
import Testing

@Suite struct ElasticDisplacementTests {
    @Test func theOffsetIsTheGridValueAtGridPointsAndTheBilinearBlendBetween() {
        // One cell on a 5-pixel side: grid points at pixels 0 and 4.
        let offsets = ElasticDisplacement(gridOffsets: (x: [0, 4, 8, 12], y: [1, 1, -1, -1]), cells: 1, side: 5)
            .pixelOffsets
        #expect(offsets.x[0] == 0 && offsets.y[0] == 1)
        #expect(offsets.x[24] == 12 && offsets.y[24] == -1)
        // (1, 2): a quarter across, half down: x = 0.5 · (0 + 0.25 · 4) + 0.5 · (8 + 0.25 · 4) = 5, y = 0.
        #expect(offsets.x[2 * 5 + 1] == 5 && offsets.y[2 * 5 + 1] == 0, "offset (\(offsets.x[11]), \(offsets.y[11]))")
    }

    @Test func drawnOffsetsHaveTheAmplitudeAsStandardDeviation() {
        var generator = SeededRandomNumberGenerator(seed: 3)
        let offsets = (0..<400).flatMap { _ in
            ElasticDisplacement(amplitude: 1.5, cells: 3, side: 28, using: &generator).gridOffsets.x
        }
        let mean = offsets.reduce(0, +) / Double(offsets.count)
        let deviation = (offsets.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(offsets.count)).squareRoot()
        #expect(offsets.count == 6400)
        #expect(abs(mean) < 0.06 && abs(deviation - 1.5) < 0.05, "mean \(mean), standard deviation \(deviation)")
    }
}

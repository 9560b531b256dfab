import ExampleTestSupport
@testable import MNIST
import Testing

@Suite struct AffineWarpTests {
    /// A 28 × 28 image with ink only at the given (x, y) pixels.
    func image(ink: [(x: Int, y: Int, value: UInt8)]) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: 784)
        for (x, y, value) in ink { pixels[y * 28 + x] = value }
        return pixels
    }

    func warped(_ pixels: [UInt8], by warp: AffineWarp) -> [Float] {
        var output = [Float](repeating: -1, count: 784)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { warp.apply(to: source, side: 28, into: $0) }
        }
        return output
    }

    /// The ink-weighted mean position (x, y).
    func centreOfMass(_ pixels: [Float]) -> (x: Double, y: Double) {
        var total = 0.0, x = 0.0, y = 0.0
        for (index, value) in pixels.enumerated() {
            total += Double(value)
            x += Double(value) * Double(index % 28)
            y += Double(value) * Double(index / 28)
        }
        return (x / total, y / total)
    }

    @Test func theIdentityGivesTheScaledInputBack() {
        let pixels = SyntheticDigits.dataset(count: 1).images
        #expect(warped(pixels, by: AffineWarp()) == pixels.map { Float($0) / 255 })
    }

    @Test func aShiftMovesTheCentreOfMassByTheShift() {
        let pixels = image(ink: [(10, 12, 255), (11, 12, 128), (12, 15, 64), (14, 9, 200)])
        let before = centreOfMass(warped(pixels, by: AffineWarp()))
        let after = centreOfMass(warped(pixels, by: AffineWarp(shift: (x: 3, y: -2))))
        #expect(abs(after.x - before.x - 3) < 1e-9, "moved \(after.x - before.x) pixels right, expected 3")
        #expect(abs(after.y - before.y + 2) < 1e-9, "moved \(after.y - before.y) pixels down, expected -2")
    }

    @Test func aHalfPixelShiftSplitsInkBetweenNeighbours() {
        let output = warped(image(ink: [(10, 10, 255)]), by: AffineWarp(shift: (x: 0.5, y: 0)))
        #expect(output[10 * 28 + 10] == 0.5 && output[10 * 28 + 11] == 0.5)
        #expect(output.reduce(0, +) == 1)
    }

    @Test func aQuarterTurnMovesAPixelClockwiseAboutTheCentre() {
        // Centre (13.5, 13.5): (20, 13.5 − 0.5) is 6.5 right, 0.5 up; a clockwise quarter
        // turn on screen (y down) takes it to 0.5 right, 6.5 down: (14, 20).
        let output = warped(image(ink: [(20, 13, 255)]), by: AffineWarp(angle: .pi / 2))
        #expect(abs(output[20 * 28 + 14] - 1) < 1e-5, "pixel (14, 20) is \(output[20 * 28 + 14])")
        #expect(abs(output.reduce(0, +) - 1) < 1e-5)
    }

    @Test func aZoomScalesDistancesFromTheCentre() {
        // (17.5, 13.5) is 4 right of the centre; zooming by 1.5 puts it 6 right: (19.5, 13.5),
        // so with a 2 × 2 block of ink at x 17–18, y 13–14, the centre of mass lands there.
        let pixels = image(ink: [(17, 13, 255), (18, 13, 255), (17, 14, 255), (18, 14, 255)])
        let centre = centreOfMass(warped(pixels, by: AffineWarp(scale: 1.5)))
        #expect(abs(centre.x - 19.5) < 1e-5 && abs(centre.y - 13.5) < 1e-5, "centre of mass \(centre)")
    }

    @Test func aShearMovesRowsAboveTheCentreRightAndRowsBelowLeft() {
        // Centre 13.5: row 9.5 is 4 above it, so a shear of 0.5 moves it 2 right; row 17.5 moves 2 left.
        let pixels = image(ink: [(10, 9, 255), (10, 10, 255), (10, 17, 255), (10, 18, 255)])
        let output = warped(pixels, by: AffineWarp(shear: 0.5))
        let top = centreOfMass(output.enumerated().map { $0.offset / 28 < 14 ? $0.element : 0 })
        let bottom = centreOfMass(output.enumerated().map { $0.offset / 28 >= 14 ? $0.element : 0 })
        #expect(abs(top.x - 12) < 1e-5 && abs(top.y - 9.5) < 1e-5, "top half's centre \(top)")
        #expect(abs(bottom.x - 8) < 1e-5 && abs(bottom.y - 17.5) < 1e-5, "bottom half's centre \(bottom)")
    }

    @Test func anAspectWidensAboutTheCentreAndKeepsTheHeight() {
        // (17.5, 11.5) is 4 right of the centre and 2 above it; × 1.5 in width puts it 6 right: (19.5, 11.5).
        let pixels = image(ink: [(17, 11, 255), (18, 11, 255), (17, 12, 255), (18, 12, 255)])
        let centre = centreOfMass(warped(pixels, by: AffineWarp(aspect: 1.5)))
        #expect(abs(centre.x - 19.5) < 1e-5 && abs(centre.y - 11.5) < 1e-5, "centre of mass \(centre)")
    }

    @Test func anElasticDisplacementReadsEachPixelItsOffsetAway() {
        // A uniform offset of (−2, +1) everywhere: each pixel reads 2 left and 1 down, so ink moves 2 right and 1 up.
        let uniform = ElasticDisplacement(gridOffsets: (x: [Double](repeating: -2, count: 4), y: [Double](repeating: 1, count: 4)),
                                          cells: 1, side: 28)
        var output = [Float](repeating: -1, count: 784)
        image(ink: [(10, 10, 255)]).withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { AffineWarp().apply(to: source, side: 28, into: $0, displacement: uniform) }
        }
        #expect(output[9 * 28 + 12] == 1 && output.reduce(0, +) == 1)
    }
}

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
}

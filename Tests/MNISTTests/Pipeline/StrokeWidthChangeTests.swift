@testable import MNIST
import Testing

@Suite struct StrokeWidthChangeTests {
    /// `image` (a `side` × `side` row-major picture) after a change of `amount`.
    func changed(_ image: [Float], side: Int, by amount: Double) -> [Float] {
        var pixels = image
        var scratch = [Float](repeating: 0, count: image.count)
        pixels.withUnsafeMutableBufferPointer { pixels in
            scratch.withUnsafeMutableBufferPointer { StrokeWidthChange(amount: amount).apply(to: pixels, side: side, scratch: $0) }
        }
        return pixels
    }

    @Test func oneDilationTurnsADotIntoAPlus() {
        var dot = [Float](repeating: 0, count: 25)
        dot[12] = 0.8
        let plus: [Float] = [0, 0, 0, 0, 0,
                             0, 0, 0.8, 0, 0,
                             0, 0.8, 0.8, 0.8, 0,
                             0, 0, 0.8, 0, 0,
                             0, 0, 0, 0, 0]
        #expect(changed(dot, side: 5, by: 1) == plus)
    }

    @Test func halfADilationAddsHalfTheNewInk() {
        var dot = [Float](repeating: 0, count: 9)
        dot[4] = 1
        let expected: [Float] = [0, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 0]
        #expect(changed(dot, side: 3, by: 0.5) == expected)
    }

    @Test func erosionWearsAThreePixelBarDownToItsMiddleLine() {
        // Rows 1–3 of a 5 × 5 image full of ink: one erosion leaves row 2 but not its ends (their
        // left or right neighbour is outside the image, background).
        let bar: [Float] = [0, 0, 0, 0, 0,
                            1, 1, 1, 1, 1,
                            1, 1, 1, 1, 1,
                            1, 1, 1, 1, 1,
                            0, 0, 0, 0, 0]
        let middle: [Float] = [0, 0, 0, 0, 0,
                               0, 0, 0, 0, 0,
                               0, 1, 1, 1, 0,
                               0, 0, 0, 0, 0,
                               0, 0, 0, 0, 0]
        #expect(changed(bar, side: 5, by: -1) == middle)
        #expect(changed(bar, side: 5, by: -2) == [Float](repeating: 0, count: 25))
    }

    @Test func oneAndAHalfStepsIsOneDilationThenHalfOfTheNext() {
        var dot = [Float](repeating: 0, count: 25)
        dot[12] = 1
        let result = changed(dot, side: 5, by: 1.5)
        // After one step: the plus. The second adds, at half, every pixel two steps away
        // (Manhattan distance 2).
        let expected: [Float] = [0, 0, 0.5, 0, 0,
                                 0, 0.5, 1, 0.5, 0,
                                 0.5, 1, 1, 1, 0.5,
                                 0, 0.5, 1, 0.5, 0,
                                 0, 0, 0.5, 0, 0]
        #expect(result == expected)
    }
}

import ExampleTestSupport
import ImageCodecs
import NumSight
import Testing
@testable import MNISTApp

@Suite struct GreyscaleImageTests {
    @Test func inkCompositesAlphaOntoWhiteTakesLumaAndInverts() {
        let pixels: [UInt8] = [
            0, 0, 0, 255,        // black: full ink
            255, 255, 255, 255,  // white: none
            0, 0, 0, 0,          // transparent: paper
            0, 0, 0, 128,        // half-transparent black: 128/255 ink
            51, 51, 51, 255,     // grey 51: 1 − 51/255 = 0.8
            255, 0, 0, 255,      // red: 1 − 0.299
        ]
        let ink = GreyscaleImage(inkOf: RGBAImage(width: 6, height: 1, pixels: pixels))
        let expected: [Float] = [1, 0, 0, 128.0 / 255, 0.8, 0.701]
        for (observed, wanted) in zip(ink.values, expected) {
            #expect(abs(observed - wanted) < 1e-6, "expected \(expected), observed \(ink.values)")
        }
    }

    @Test func boundsCoverEveryPixelAboveTheThreshold() {
        var image = GreyscaleImage(width: 6, height: 5)
        image[1, 3] = 0.5
        image[4, 1] = 0.9
        image[2, 2] = 0.05
        #expect(image.bounds(above: 0.1)! == (columns: 1..<5, rows: 1..<4))
        #expect(image.bounds(above: 0)! == (columns: 1..<5, rows: 1..<4))
        #expect(image.bounds(above: 0.9) == nil)
        #expect(image.cropped(columns: 1..<5, rows: 1..<4).values == [0, 0, 0, 0.9, 0, 0.05, 0, 0, 0.5, 0, 0, 0])
    }

    @Test func inkOfEveryPixelIsExactlyTheScalarFormula() {
        // 8 pixels at a time and the rest one by one: 37 pixels take both paths.
        var generator = SeededRandomNumberGenerator(seed: 5)
        let image = RGBAImage(width: 37, height: 1, pixels: generator.bytes(37 * 4))
        let ink = GreyscaleImage(inkOf: image)
        for index in 0..<37 {
            let samples = image.pixels[(4 * index)..<(4 * index + 4)].map { Float($0) / 255 }
            let expected = samples[3] * (1 - (0.299 * samples[0] + 0.587 * samples[1] + 0.114 * samples[2]))
            #expect(ink.values[index] == expected, "pixel \(index): expected \(expected), observed \(ink.values[index])")
        }
    }

    @Test func boundsAgreeWithAPixelByPixelSearch() {
        var generator = SeededRandomNumberGenerator(seed: 6)
        for _ in 0..<20 {
            var image = GreyscaleImage(width: 13, height: 9)
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                image[Int.random(in: 0..<13, using: &generator), Int.random(in: 0..<9, using: &generator)] = 1
            }
            let inked = (0..<9).flatMap { y in (0..<13).filter { image[$0, y] > 0 }.map { (x: $0, y: y) } }
            let expected = inked.isEmpty ? nil : (
                columns: inked.map(\.x).min()!..<(inked.map(\.x).max()! + 1),
                rows: inked.map(\.y).min()!..<(inked.map(\.y).max()! + 1))
            let observed = image.bounds(above: 0)
            #expect(observed?.columns == expected?.columns && observed?.rows == expected?.rows,
                    "expected \(String(describing: expected)), observed \(String(describing: observed))")
        }
    }

    @Test func centreOfMassIsTheIntensityWeightedMeanOfPixelIndices() {
        var image = GreyscaleImage(width: 4, height: 3)
        image[0, 0] = 1
        image[3, 2] = 3
        // x: (0·1 + 3·3) / 4 = 2.25; y: (0·1 + 2·3) / 4 = 1.5.
        let centre = image.centreOfMass!
        #expect(centre.x == 2.25 && centre.y == 1.5, "observed \(centre)")
        #expect(GreyscaleImage(width: 2, height: 2).centreOfMass == nil)
    }

    @Test func areaScalingAveragesExactOverlaps() {
        // Each new pixel averages a 2 × 2 block.
        let blocks = GreyscaleImage(width: 4, height: 2, values: [1, 1, 0, 0, 1, 1, 0, 1]).areaScaled(longerSide: 2)
        #expect(blocks == GreyscaleImage(width: 2, height: 1, values: [1, 0.25]))
        // 3 → 2: a new pixel covers 1.5 old ones: 2/3 of the first and 1/3 of the second.
        // The single row becomes 2/3 of a row, so the new row is 2/3 covered.
        let thirds = GreyscaleImage(width: 3, height: 1, values: [1, 0, 1]).areaScaled(longerSide: 2)
        #expect(thirds.width == 2 && thirds.height == 1)
        for value in thirds.values { #expect(abs(value - 4.0 / 9) < 1e-6, "expected 4/9, observed \(thirds.values)") }
        // Upscaling 1 → 3 repeats the pixel; 7 × 3 → 20 × ⌈60/7⌉ = 20 × 9.
        #expect(GreyscaleImage(width: 1, height: 1, values: [0.5]).areaScaled(longerSide: 3).values == [Float](repeating: 0.5, count: 9))
        let tall = GreyscaleImage(width: 3, height: 7, values: [Float](repeating: 1, count: 21)).areaScaled(longerSide: 20)
        #expect(tall.width == 9 && tall.height == 20)
    }

    @Test func areaScalingKeepsTheTotalInk() {
        var random = SeededRandomNumberGenerator(seed: 7)
        let image = GreyscaleImage(width: 37, height: 23, values: (0..<(37 * 23)).map { _ in Float.random(in: 0...1, using: &random) })
        let scaled = image.areaScaled(longerSide: 20)
        // Area is scaled by (20/37)²; the mean intensity per unit area is unchanged.
        let before = image.values.reduce(0, +) * (20.0 / 37) * (20.0 / 37)
        let after = scaled.values.reduce(0, +)
        #expect(abs(after - before) < 1e-3 * before, "expected \(before), observed \(after)")
    }
}

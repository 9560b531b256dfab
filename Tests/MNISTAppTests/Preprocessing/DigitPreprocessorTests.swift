@testable import ImageCodecs
import MNIST
@testable import Plotting
import Testing
@testable import MNISTApp

@Suite struct DigitPreprocessorTests {
    /// A canvas drawing: black strokes through `strokes` on white, or on a transparent
    /// background (ink in alpha only).
    private static func drawing(
        _ strokes: [[(Double, Double)]], width: Double, size: Int = 280, isTransparent: Bool = false
    ) -> RGBAImage {
        let paper = isTransparent ? RGBAColor(red: 0, green: 0, blue: 0, alpha: 0) : .white
        var canvas = Canvas(width: size, height: size, background: paper)
        for stroke in strokes { canvas.drawPolyline(stroke, color: .black, width: width) }
        return canvas.image
    }

    /// Synthetic digits: small, large, off-centre, thin, thick, tall, wide.
    static let drawings: [(name: String, strokes: [[(Double, Double)]], width: Double)] = [
        ("seven", [[(90, 70), (190, 70), (120, 220)]], 16),
        ("small four in a corner", [[(30, 10), (12, 40), (42, 40)], [(34, 22), (34, 55)]], 4),
        ("large zero", [[(140, 8), (250, 140), (140, 272), (30, 140), (140, 8)]], 20),
        ("off-centre two", [[(200, 180), (260, 170), (250, 210), (195, 260), (265, 262)]], 10),
        ("thin one", [[(150, 40), (140, 240)]], 2),
        ("thick eight", [[(140, 60), (100, 100), (180, 170), (140, 230), (100, 170), (180, 100), (140, 60)]], 36),
        ("tall one", [[(138, 10), (142, 270)]], 6),
        ("wide dash", [[(20, 150), (260, 140)]], 12),
    ]

    @Test(arguments: 0..<drawings.count, [false, true])
    func syntheticDigitsAreScaledTo20PixelsAndCentred(index: Int, isTransparent: Bool) throws {
        let (name, strokes, width) = Self.drawings[index]
        let input = try DigitPreprocessor().modelInput(from: Self.drawing(strokes, width: width, isTransparent: isTransparent))
        #expect(input.count == 784)
        #expect(input.allSatisfy { (0...1).contains($0) }, "\(name): values outside 0…1")
        let result = GreyscaleImage(width: 28, height: 28, values: input)
        let bounds = try #require(result.bounds(above: 0))
        let longerSide = max(bounds.columns.count, bounds.rows.count)
        #expect(longerSide == 20, "\(name): expected a longer side of 20, observed \(bounds)")
        let centre = try #require(result.centreOfMass)
        #expect(abs(centre.x - 14) <= 0.5 && abs(centre.y - 14) <= 0.5, "\(name): centre of mass \(centre)")
    }

    @Test func transparentAndWhiteBackgroundsGiveTheSameInput() throws {
        let (_, strokes, width) = Self.drawings[0]
        let onWhite = try DigitPreprocessor().modelInput(from: Self.drawing(strokes, width: width))
        let onTransparent = try DigitPreprocessor().modelInput(from: Self.drawing(strokes, width: width, isTransparent: true))
        let difference = zip(onWhite, onTransparent).map { abs($0 - $1) }.max()!
        #expect(difference <= 1.0 / 255, "largest difference \(difference)")
    }

    @Test func aspectRatioIsKept() throws {
        let tall = try DigitPreprocessor().stages(of: Self.drawing(Self.drawings[6].strokes, width: 6))
        // The stroke, 6 px wide from x 138 to 142 and y 10 to 270, inks 10 × 266 pixels,
        // which scale to ⌈10·20/266⌉ = 1 × 20.
        #expect(tall.inkBounds.columns.count == 10 && tall.inkBounds.rows.count == 266, "observed \(tall.inkBounds)")
        #expect(tall.scaled.width == 1 && tall.scaled.height == 20)
        let wide = try DigitPreprocessor().stages(of: Self.drawing(Self.drawings[7].strokes, width: 12))
        #expect(wide.scaled.width == 20 && wide.scaled.height == 2, "\(wide.scaled.width) × \(wide.scaled.height)")
    }

    /// A solid 100 × 50 block scales to 20 × 10 ones; its centre of mass (9.5, 4.5) is
    /// moved by round(4.5) = 5 and round(9.5) = 10, to (14.5, 14.5).
    @Test func solidBlockLandsOnWorkedOutPixels() throws {
        var canvas = Canvas(width: 200, height: 120)
        canvas.fillRectangle(CanvasRect(x: 37, y: 61, width: 100, height: 50), color: .black)
        let stages = try DigitPreprocessor().stages(of: canvas.image)
        #expect(stages.inkBounds == (columns: 37..<137, rows: 61..<111))
        #expect(stages.scaled == GreyscaleImage(width: 20, height: 10, values: [Float](repeating: 1, count: 200)))
        #expect(stages.offset == (x: 5, y: 10))
        var expected = GreyscaleImage(width: 28, height: 28)
        for y in 10..<20 { for x in 5..<25 { expected[x, y] = 1 } }
        #expect(stages.centred == expected)
    }

    @Test func emptyAndNearEmptyDrawingsHaveNoDigit() {
        let preprocessor = DigitPreprocessor()
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 0)) {
            try preprocessor.modelInput(from: Canvas(width: 280, height: 280).image)
        }
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 0)) {
            try preprocessor.modelInput(from: Canvas(width: 64, height: 64, background: RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)).image)
        }
        // Pale grey 240 is ink 0.06: below a threshold of 0.1 it is paper tint, not a digit.
        var tinted = Canvas(width: 64, height: 64)
        tinted.fillRectangle(CanvasRect(x: 10, y: 10, width: 40, height: 40), color: RGBAColor(red: 240, green: 240, blue: 240))
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 0)) {
            try DigitPreprocessor(inkThreshold: 0.1).modelInput(from: tinted.image)
        }
        // A 3 × 3 speck is 9 pixels, fewer than 16.
        var speck = Canvas(width: 64, height: 64)
        speck.fillRectangle(CanvasRect(x: 30, y: 30, width: 3, height: 3), color: .black)
        #expect(throws: DigitPreprocessingError.noDigitFound(inkPixelCount: 9)) { try preprocessor.modelInput(from: speck.image) }
    }

    /// MNIST test digits drawn as a canvas would hold them — enlarged ten times to
    /// 280 × 280, black on white — come back as the original digits: enlarging by whole
    /// pixels and area-averaging back is exact, and the centring is MNIST's own.
    @Test func mnistDigitsRoundTripThroughACanvasDrawing() throws {
        let test = try MNISTDataset(split: .test)
        let indices = Array(stride(from: 0, to: test.count, by: 50))  // 200 digits
        var totalDifference: Float = 0
        var unchanged = 0
        for index in indices {
            let original = test.image(at: index).map { Float($0) / 255 }
            let input = try DigitPreprocessor().modelInput(from: Self.enlargedDrawing(of: Array(test.image(at: index))))
            let differences = zip(input, original).map { abs($0 - $1) }
            totalDifference += differences.reduce(0, +)
            if differences.max()! < 1e-5 { unchanged += 1 }
        }
        let meanAbsoluteDifference = totalDifference / Float(indices.count * 784)
        #expect(meanAbsoluteDifference < 1e-3, "mean absolute difference \(meanAbsoluteDifference)")
        #expect(unchanged >= indices.count - 2, "\(unchanged) of \(indices.count) digits unchanged")
    }

    /// The 28 × 28 `digit` enlarged 10 times, each pixel a 10 × 10 square, inverted to
    /// black ink on white.
    private static func enlargedDrawing(of digit: [UInt8]) -> RGBAImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(280 * 280 * 4)
        for y in 0..<28 {
            let row = (0..<280).flatMap { x -> [UInt8] in
                let grey = 255 - digit[y * 28 + x / 10]
                return [grey, grey, grey, 255]
            }
            for _ in 0..<10 { pixels += row }
        }
        return RGBAImage(width: 280, height: 280, pixels: pixels)
    }
}

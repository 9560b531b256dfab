@testable import ImageCodecs
@testable import Plotting
import Testing
@testable import MNISTApp

@Suite struct DigitSegmenterTests {
    private func segments(of image: RGBAImage, _ segmenter: DigitSegmenter = DigitSegmenter()) -> [DigitSegment] {
        segmenter.segments(of: GreyscaleImage(inkOf: image))
    }

    /// Real MNIST digits side by side come back one segment each, left to right, each
    /// boxed exactly around its ink.
    @Test(arguments: ["2026", "314159", "7"])
    func mnistDigitsInARowAreCutApartLeftToRight(number: String) {
        let drawing = NumberDrawing(number)
        let observed = segments(of: drawing.image)
        #expect(observed.count == number.count, "\(number): \(observed.count) segments")
        for (segment, expected) in zip(observed, drawing.inkBoxes) {
            #expect(segment.columns == expected.columns && segment.rows == expected.rows,
                    "\(number): expected \(expected), observed \(segment.columns) × \(segment.rows)")
        }
    }

    /// Each segment preprocesses to exactly the model input of its digit drawn alone.
    @Test func eachSegmentIsPreprocessedAsItsDigitAlone() throws {
        let drawing = NumberDrawing("2026")
        let preprocessor = DigitPreprocessor()
        for (position, segment) in segments(of: drawing.image).enumerated() {
            let observed = try preprocessor.stages(ofInk: segment.ink).centred.values
            let alone = try preprocessor.modelInput(from: drawing.drawingOfDigit(at: position))
            #expect(observed == alone, "digit \(position) differs from the digit drawn alone")
        }
    }

    /// Digits drawn in strokes that do not touch are one segment each: a 5 with its flag
    /// above, a 7 with a bar across its stem, a 7 whose bar misses the stem and a 4 whose
    /// upright starts below its crossbar; specks and a tap of the pen are dropped.
    @Test func strokesOfOneDigitMergeAndSpecksAreDropped() {
        var canvas = Canvas(width: 560, height: 180)
        let pen = 10.0
        // A 5: the body, and a flag whose ink ends 3 rows above the body's.
        canvas.drawPolyline([(52, 50), (48, 95), (75, 85), (98, 100), (98, 130), (80, 145), (50, 140)], color: .black, width: pen)
        canvas.drawPolyline([(56, 37), (105, 37)], color: .black, width: pen)
        // A 7 with a bar across its stem.
        canvas.drawPolyline([(150, 40), (205, 40), (170, 145)], color: .black, width: pen)
        canvas.drawPolyline([(170, 95), (200, 95)], color: .black, width: pen)
        // A 7 whose bar stops short of the stem: at y = 95 the bar ends at x 314.5, the stem's ink starts near 321.
        canvas.drawPolyline([(290, 40), (345, 40), (310, 145)], color: .black, width: pen)
        canvas.drawPolyline([(297, 95), (311, 95)], color: .black, width: 6)
        // A 4 whose upright's ink starts 5 rows below the crossbar's.
        canvas.drawPolyline([(440, 40), (415, 105), (470, 105)], color: .black, width: pen)
        canvas.drawPolyline([(458, 120), (458, 150)], color: .black, width: pen)
        // Specks of 3 × 3 pixels, and a tap of the pen (a dot the pen's width) low between the 7s.
        canvas.fillRectangle(CanvasRect(x: 120, y: 20, width: 3, height: 3), color: .black)
        canvas.fillRectangle(CanvasRect(x: 530, y: 160, width: 3, height: 3), color: .black)
        canvas.fillCircle(centre: (250, 165), radius: pen / 2, color: .black)

        let observed = segments(of: canvas.image)
        // The pixels whose centres lie within half a pen width of a stroke.
        let expectedColumns = [43..<110, 145..<210, 285..<350, 410..<475]
        #expect(observed.count == 4, "observed \(observed.map { ($0.columns, $0.rows) })")
        for (segment, columns) in zip(observed, expectedColumns) {
            // Within a pixel of the strokes' extent, for anti-aliasing.
            #expect(abs(segment.columns.lowerBound - columns.lowerBound) <= 1
                    && abs(segment.columns.upperBound - columns.upperBound) <= 1,
                    "expected columns \(columns), observed \(segment.columns)")
        }
        #expect(observed.first?.rows.lowerBound == 32, "the 5's flag is in its box: \(observed.first?.rows ?? 0..<0)")
    }

    /// Two pieces merge when their columns overlap by more than half the narrower one's
    /// width: a 10-column bar under a wide one, overlapping it by 5 columns, stays apart;
    /// by 6, it joins.
    @Test(arguments: [(5, 2), (6, 1)])
    func piecesMergeOnMoreThanHalfTheNarrowerWidth(overlap: Int, expectedCount: Int) {
        var canvas = Canvas(width: 200, height: 60)
        canvas.fillRectangle(CanvasRect(x: 20, y: 5, width: 100, height: 20), color: .black)
        let left = 120 - Double(overlap)
        canvas.fillRectangle(CanvasRect(x: left, y: 35, width: 10, height: 20), color: .black)
        let observed = segments(of: canvas.image)
        #expect(observed.count == expectedCount, "overlap \(overlap): \(observed.map { ($0.columns, $0.rows) })")
    }

    /// A segment holds only its own digit's ink, even where another digit reaches into its box.
    @Test func aSegmentHoldsOnlyItsOwnInk() {
        var canvas = Canvas(width: 120, height: 60)
        // An L over columns 10..<60 and rows 10..<50, and a bar reaching into its box:
        // columns 40..<100 overlap it by 20 of the narrower 50.
        canvas.fillRectangle(CanvasRect(x: 10, y: 10, width: 50, height: 4), color: .black)
        canvas.fillRectangle(CanvasRect(x: 10, y: 10, width: 4, height: 40), color: .black)
        canvas.fillRectangle(CanvasRect(x: 40, y: 30, width: 60, height: 10), color: .black)
        let observed = segments(of: canvas.image)
        #expect(observed.map(\.columns) == [10..<60, 40..<100])
        #expect(observed.map(\.rows) == [10..<50, 30..<40])
        // 50·4 + 4·40 − 4·4 = 344 pixels of the L; none of the bar's 600.
        #expect(observed.map(\.inkPixelCount) == [344, 600])
        #expect(observed.map { $0.ink.values.count { $0 > 0 } } == [344, 600])
    }

    @Test func diagonalNeighboursAreConnected() {
        var image = GreyscaleImage(width: 8, height: 8)
        for step in 0..<8 { image[step, step] = 1 }          // a one-pixel diagonal: 8 pixels
        image[7, 0] = 1                                          // a lone pixel
        let observed = DigitSegmenter(minimumPixelCount: 1, mergingOverlap: 1).segments(of: image)
        #expect(observed.map(\.inkPixelCount) == [8, 1], "observed \(observed.map { ($0.columns, $0.rows, $0.inkPixelCount) })")
    }

    @Test func nothingButSpecksIsNoSegment() {
        var canvas = Canvas(width: 100, height: 100)
        #expect(segments(of: canvas.image).isEmpty)
        canvas.fillRectangle(CanvasRect(x: 10, y: 10, width: 3, height: 5), color: .black)
        canvas.fillRectangle(CanvasRect(x: 50, y: 50, width: 2, height: 2), color: .black)
        #expect(segments(of: canvas.image).isEmpty)
    }

    /// Thousands of dots are not thousands of digits to compare pairwise: only the
    /// largest `maximumPieceCount` pieces are merged, and faint haze is no stroke.
    @Test func manyDotsAndFaintHazeStayCheap() {
        var canvas = Canvas(width: 1000, height: 500)
        for row in 0..<50 {
            for column in 0..<100 {
                canvas.fillRectangle(CanvasRect(x: Double(10 * column), y: Double(10 * row), width: 5, height: 5), color: .black)
            }
        }
        let dots = DigitSegmenter(maximumPieceCount: 64).segments(of: GreyscaleImage(inkOf: canvas.image))
        // Of the 5 000 dots of 25 pixels, 64 at most end up in segments.
        let total = dots.map(\.inkPixelCount).reduce(0, +)
        #expect(total > 0 && total <= 64 * 25, "\(total) pixels in segments")

        let haze = GreyscaleImage(width: 200, height: 100, values: [Float](repeating: 0.2, count: 200 * 100))
        #expect(DigitSegmenter().segments(of: haze).isEmpty)
        #expect(DigitSegmenter(minimumStrokeInk: 0.2).segments(of: haze).count == 1)
    }
}

import ExampleTestSupport
import ImageCodecs
import Testing
@testable import Plotting

@Suite struct PlotTests {
    static let history = TrainingHistoryPlot(
        loss: [0.62, 0.31, 0.2, 0.15, 0.12, 0.1], accuracy: [0.82, 0.91, 0.94, 0.955, 0.963, 0.97],
        validationLoss: [0.35, 0.22, 0.17, 0.15, 0.14, 0.14], validationAccuracy: [0.9, 0.93, 0.95, 0.956, 0.96, 0.962],
        width: 800, height: 320)  // small: PNG encoding is slow in debug builds

    @Test func trainingHistoryDecodesToTwoPanelsWithBothSeries() throws {
        let image = try PNGDecoder().decode(Self.history.pngData())
        #expect(image.width == 800 && image.height == 320)
        #expect(image.pixel(x: 0, y: 0).elementsEqual([255, 255, 255, 255]), "background is white")
        let (training, validation) = (RGBAColor.seriesPalette[0], RGBAColor.seriesPalette[1])
        for panel in [0..<400, 400..<800] {
            #expect(pixelCount(of: training, in: image, columns: panel) > 100, "training line in \(panel)")
            #expect(pixelCount(of: validation, in: image, columns: panel) > 100, "validation line in \(panel)")
            #expect(pixelCount(of: .ink, in: image, columns: panel) > 500, "axes and text in \(panel)")
            #expect(pixelCount(of: .grid, in: image, columns: panel) > 500, "grid in \(panel)")
        }
    }

    @Test func trainingHistoryWithoutValidationHasOneSeries() {
        let image = TrainingHistoryPlot(loss: [0.5, 0.3], accuracy: [0.8, 0.9], width: 800, height: 320).image()
        #expect(image.width == 800 && image.height == 320)
        #expect(pixelCount(of: RGBAColor.seriesPalette[0], in: image) > 200)
        #expect(pixelCount(of: RGBAColor.seriesPalette[1], in: image) == 0)
    }

    @Test func linePlotDrawsEachSeriesInItsColour() throws {
        let plot = LinePlot(
            title: "Squares", xAxis: PlotAxis(title: "n"), yAxis: PlotAxis(title: "n²"),
            series: [LinePlot.Series(name: "up", values: [1, 4, 9, 16]),
                     LinePlot.Series(name: "down", values: [16, 9, 4, 1], color: RGBAColor(red: 0, green: 200, blue: 0))],
            width: 320, height: 240)
        let image = try PNGDecoder().decode(plot.pngData())
        #expect(image.width == 320 && image.height == 240)
        #expect(pixelCount(of: RGBAColor.seriesPalette[0], in: image) > 100)
        #expect(pixelCount(of: RGBAColor(red: 0, green: 200, blue: 0), in: image) > 100)
    }

    @Test func confusionMatrixShadesCellsOnALogScale() throws {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        for digit in 0..<10 { counts[digit][digit] = 999 }
        counts[4][9] = 31  // log(32) / log(1000) = 0.502
        let plot = ConfusionMatrixPlot(counts: counts, cellSize: 30)
        let image = try PNGDecoder().decode(plot.pngData())
        // Cells start after 3 lines and the widest label (16·3 + 10) across, 4 lines down;
        // right of them 2 lines, the 20-pixel bar, 9 pixels, the label "999", 1 line.
        let (left, top, cell) = (58, 64, 30)
        #expect(image.width == left + 300 + 32 + 20 + 9 + 34 + 16 && image.height == top + 300 + 80)
        func corner(row: Int, column: Int) -> ArraySlice<UInt8> { image.pixel(x: left + column * cell + 2, y: top + row * cell + 2) }
        #expect(corner(row: 3, column: 3).elementsEqual([8, 48, 107, 255]), "largest count: darkest blue")
        #expect(corner(row: 3, column: 4).elementsEqual([255, 255, 255, 255]), "zero: white")
        let middle = RGBAColor.white.mixed(with: ConfusionMatrixPlot.highColor, fraction: plot.shade(of: 31))
        #expect(corner(row: 4, column: 9).elementsEqual([middle.red, middle.green, middle.blue, 255]))
        #expect(abs(plot.shade(of: 31) - 0.50171) < 1e-4)
    }
}

import ExampleTestSupport
@testable import ImageCodecs
import MNIST
@testable import Plotting
import Testing
@testable import MNISTApp

@Suite struct DigitGridTests {
    @Test func digitGridShowsEachDigitEnlargedWithItsCaption() throws {
        let test = try MNISTDataset(split: .test)
        let items = (0..<3).map { DigitGrid.Item(pixels: Array(test.image(at: $0)), trueLabel: Int(test.labels[$0]), predictedLabel: $0 == 1 ? 3 : Int(test.labels[$0])) }
        let image = try PNGDecoder().decode(DigitGrid(items: items, columns: 2).pngData())
        // 2 columns of 84 + 12, 2 rows of 84 + 2 lines + 6, a 12-pixel margin.
        #expect(image.width == 12 + 2 * 96 && image.height == 12 + 2 * 122)
        let seven = test.image(at: 0)
        for y in stride(from: 0, to: 28, by: 3) {
            for x in stride(from: 0, to: 28, by: 3) {
                let grey = seven[seven.startIndex + y * 28 + x]
                #expect(image.pixel(x: 12 + 3 * x + 1, y: 12 + 3 * y + 1).elementsEqual([grey, grey, grey, 255]))
            }
        }
        #expect(pixelCount(of: .alert, in: image) > 20, "the wrong prediction's caption is red")
    }
}

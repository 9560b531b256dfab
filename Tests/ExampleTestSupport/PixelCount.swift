import ImageCodecs
import Plotting

/// How many pixels of `image` are exactly `color`, in all columns or in `columns`.
public func pixelCount(of color: RGBAColor, in image: RGBAImage, columns: Range<Int>? = nil) -> Int {
    let columns = columns ?? 0..<image.width
    var count = 0
    for y in 0..<image.height {
        for x in columns where image.pixel(x: x, y: y).elementsEqual([color.red, color.green, color.blue, color.alpha]) {
            count += 1
        }
    }
    return count
}

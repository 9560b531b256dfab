import Foundation
import ImageCodecs
import NumSight

/// A picture that renders itself to an RGBA image, and so to a PNG file.
///
/// ```swift
/// let plot = TrainingHistoryPlot(loss: [0.4, 0.1], accuracy: [0.88, 0.97])
/// try plot.writePNG(to: URL(fileURLWithPath: "training_history.png"))
/// ```
public protocol Plot {
    /// The rendered picture.
    func image() -> RGBAImage
}

extension Plot {
    /// The PNG file of `image()`.
    func pngData() throws(PNGEncodingError) -> [UInt8] {
        try PNGEncoder.encode(image())
    }

    /// Writes the PNG file of `image()` to `url`, atomically.
    public func writePNG(to url: URL) throws {
        try AtomicFileWriter.write(pngData(), to: url)
    }
}

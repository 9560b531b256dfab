import ImageCodecs

/// Accuracy and loss per epoch, training against validation, as two charts side by
/// side: the picture `training_history.png` of a training run.
///
/// Each panel is a `LinePlot` with the epoch (1, 2, …) across; a validation series is
/// left out when its array is empty.
///
/// ```swift
/// let plot = TrainingHistoryPlot(
///     loss: [0.45, 0.12, 0.08], accuracy: [0.87, 0.96, 0.975],
///     validationLoss: [0.15, 0.09, 0.07], validationAccuracy: [0.95, 0.97, 0.98])
/// try plot.writePNG(to: URL(fileURLWithPath: "training_history.png"))
/// ```
public struct TrainingHistoryPlot: Plot, Sendable {
    /// Training loss per epoch.
    public var loss: [Double]
    /// Training accuracy per epoch, 0…1.
    public var accuracy: [Double]
    /// Validation loss per epoch, or empty.
    public var validationLoss: [Double]
    /// Validation accuracy per epoch, 0…1, or empty.
    public var validationAccuracy: [Double]
    /// Size of `image()`, in pixels: both panels together.
    public var width: Int
    public var height: Int

    public init(loss: [Double], accuracy: [Double], validationLoss: [Double] = [], validationAccuracy: [Double] = [],
                width: Int = 1280, height: Int = 520) {
        self.loss = loss
        self.accuracy = accuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.width = width
        self.height = height
    }

    /// The left panel: accuracy.
    var accuracyPlot: LinePlot { panel(title: "Accuracy", metric: "accuracy", training: accuracy, validation: validationAccuracy) }
    /// The right panel: loss.
    var lossPlot: LinePlot { panel(title: "Loss", metric: "loss", training: loss, validation: validationLoss) }

    public func image() -> RGBAImage {
        var canvas = Canvas(width: width, height: height)
        let half = Double(width / 2)
        accuracyPlot.draw(on: &canvas, in: CanvasRect(x: 0, y: 0, width: half, height: Double(height)))
        lossPlot.draw(on: &canvas, in: CanvasRect(x: half, y: 0, width: Double(width) - half, height: Double(height)))
        return canvas.image
    }

    private func panel(title: String, metric: String, training: [Double], validation: [Double]) -> LinePlot {
        var series = [LinePlot.Series(name: "training", values: training, color: RGBAColor.seriesPalette[0])]
        if !validation.isEmpty {
            series.append(LinePlot.Series(name: "validation", values: validation, color: RGBAColor.seriesPalette[1]))
        }
        return LinePlot(title: title, xAxis: PlotAxis(title: "epoch", minimumTickStep: 1),
                        yAxis: PlotAxis(title: metric), series: series)
    }
}

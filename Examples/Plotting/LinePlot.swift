import ImageCodecs

/// A line chart of one or more named series: title, axes with round ticks and titles,
/// a light grid, and a legend in the corner the lines leave most empty.
///
/// ```swift
/// let plot = LinePlot(
///     title: "Loss",
///     xAxis: PlotAxis(title: "epoch", minimumTickStep: 1),
///     yAxis: PlotAxis(title: "loss"),
///     series: [LinePlot.Series(name: "training", values: [0.9, 0.4, 0.3])])
/// try plot.writePNG(to: URL(fileURLWithPath: "loss.png"))
/// ```
struct LinePlot: Plot, Sendable {
    /// One line: points joined in order, each marked with a dot.
    struct Series: Sendable {
        public var name: String
        var points: [(x: Double, y: Double)]
        /// `nil` takes the next colour of `RGBAColor.seriesPalette`.
        public var color: RGBAColor?

        public init(name: String, points: [(x: Double, y: Double)], color: RGBAColor? = nil) {
            self.name = name
            self.points = points
            self.color = color
        }

        /// A series of `values` at x = 1, 2, 3, … (such as one value per epoch).
        public init(name: String, values: [Double], color: RGBAColor? = nil) {
            self.init(name: name, points: values.enumerated().map { (Double($0.offset + 1), $0.element) }, color: color)
        }
    }

    public var title: String
    var xAxis: PlotAxis
    var yAxis: PlotAxis
    var series: [Series]
    /// Size of `image()`, in pixels.
    public var width: Int
    public var height: Int
    /// Every text's font scale (font pixels per canvas pixel side).
    public var textScale: Int

    public init(title: String, xAxis: PlotAxis, yAxis: PlotAxis, series: [Series],
                width: Int = 640, height: Int = 480, textScale: Int = 2) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.width = width
        self.height = height
        self.textScale = textScale
    }

    public func image() -> RGBAImage {
        var canvas = Canvas(width: width, height: height)
        draw(on: &canvas, in: CanvasRect(x: 0, y: 0, width: Double(width), height: Double(height)))
        return canvas.image
    }

    /// The colour each series is drawn in.
    var seriesColors: [RGBAColor] {
        series.enumerated().map { $0.element.color ?? RGBAColor.seriesPalette[$0.offset % RGBAColor.seriesPalette.count] }
    }

    /// Draws the whole chart inside `frame` of `canvas`.
    public func draw(on canvas: inout Canvas, in frame: CanvasRect) {
        let allPoints = series.flatMap(\.points)
        let xTicks = AxisTicks(covering: xAxis.range ?? Self.extent(allPoints.map(\.x)), minimumStep: xAxis.minimumTickStep)
        let yTicks = AxisTicks(covering: yAxis.range ?? Self.extent(allPoints.map(\.y)), minimumStep: yAxis.minimumTickStep)

        let line = Canvas.textSize("0", scale: textScale).height
        let gap = Double(line) / 2
        let tickLabelWidth = yTicks.values.map { Canvas.textSize(yTicks.label(for: $0), scale: textScale).width }.max() ?? 0
        // The last x label is centred on the right edge: leave room for its half.
        let lastXLabelWidth = Canvas.textSize(xTicks.label(for: xTicks.range.upperBound), scale: textScale).width
        let area = frame.inset(
            left: gap + Double(line) + gap + Double(tickLabelWidth) + gap + 5,
            top: gap + Double(line) * 1.5 + gap,
            right: gap + Double(lastXLabelWidth) / 2,
            bottom: 5 + gap + Double(line) + gap + Double(line) + gap)
        let mapping = PlotMapping(area: area, xRange: xTicks.range, yRange: yTicks.range)

        canvas.drawText(title, x: Int(area.midX), y: Int(frame.y + gap + Double(line) * 0.75),
                        alignment: .centre, scale: textScale + 1)
        drawGridAndAxes(on: &canvas, mapping: mapping, xTicks: xTicks, yTicks: yTicks)
        canvas.drawText(xAxis.title, x: Int(area.midX), y: Int(frame.maxY - gap - Double(line) / 2),
                        alignment: .centre, scale: textScale)
        canvas.drawText(yAxis.title, x: Int(frame.x + gap + Double(line) / 2), y: Int(area.midY),
                        alignment: .centre, scale: textScale, isVertical: true)

        for (series, color) in zip(series, seriesColors) {
            let points = series.points.map { mapping.point(x: $0.x, y: $0.y) }
            canvas.drawPolyline(points, color: color, width: 2.5)
            if points.count <= 60 {
                for point in points { canvas.fillCircle(centre: point, radius: 3.5, color: color) }
            }
        }
        drawLegend(on: &canvas, mapping: mapping)
    }

    private func drawGridAndAxes(on canvas: inout Canvas, mapping: PlotMapping, xTicks: AxisTicks, yTicks: AxisTicks) {
        let area = mapping.area
        let line = Double(Canvas.textSize("0", scale: textScale).height)
        for value in xTicks.values {
            let x = mapping.point(x: value, y: 0).0.rounded(.down) + 0.5
            canvas.drawLine(from: (x, area.y), to: (x, area.maxY), color: .grid)
            canvas.drawLine(from: (x, area.maxY), to: (x, area.maxY + 5), color: .ink)
            canvas.drawText(xTicks.label(for: value), x: Int(x), y: Int(area.maxY + 5 + line / 2 + 2),
                            alignment: .centre, scale: textScale)
        }
        for value in yTicks.values {
            let y = mapping.point(x: 0, y: value).1.rounded(.down) + 0.5
            canvas.drawLine(from: (area.x, y), to: (area.maxX, y), color: .grid)
            canvas.drawLine(from: (area.x - 5, y), to: (area.x, y), color: .ink)
            canvas.drawText(yTicks.label(for: value), x: Int(area.x - 5 - line / 2), y: Int(y),
                            alignment: .trailing, scale: textScale)
        }
        let left = area.x.rounded(.down) + 0.5
        let bottom = area.maxY.rounded(.down) + 0.5
        canvas.drawPolyline([(left, area.y), (left, bottom), (area.maxX, bottom)], color: .ink)
    }

    /// The smallest range holding `values`; 0…1 if there are none.
    private static func extent(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        return low...high
    }
}

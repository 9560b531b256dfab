extension LinePlot {
    /// Draws a boxed legend — a line sample and the name of each series — in the corner
    /// of the plot area crossed by the fewest points of the lines (tried in the order
    /// top right, bottom right, top left, bottom left).
    func drawLegend(on canvas: inout Canvas, mapping: PlotMapping) {
        guard !series.isEmpty else { return }
        let line = Double(Canvas.textSize("0", scale: textScale).height)
        let sampleLength = 3 * line
        let nameWidth = Double(series.map { Canvas.textSize($0.name, scale: textScale).width }.max() ?? 0)
        let rowHeight = line * 1.5
        let size = (width: line + sampleLength + line / 2 + nameWidth + line, height: rowHeight * Double(series.count) + line / 2)
        let margin = line / 2
        let area = mapping.area
        let corners = [
            (area.maxX - margin - size.width, area.y + margin),
            (area.maxX - margin - size.width, area.maxY - margin - size.height),
            (area.x + margin, area.y + margin),
            (area.x + margin, area.maxY - margin - size.height),
        ].map { CanvasRect(x: $0.0.rounded(), y: $0.1.rounded(), width: size.width, height: size.height) }
        let samples = lineSamples(mapping: mapping)
        let box = corners.min { a, b in
            samples.count { a.contains(x: $0.0, y: $0.1) } < samples.count { b.contains(x: $0.0, y: $0.1) }
        }!

        canvas.fillRectangle(box, color: .white)
        canvas.strokeRectangle(CanvasRect(x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1),
                               color: RGBAColor(red: 180, green: 180, blue: 180))
        for (index, (series, color)) in zip(series, seriesColors).enumerated() {
            let y = box.y + line / 4 + rowHeight * (Double(index) + 0.5)
            let start = box.x + line / 2
            canvas.drawLine(from: (start, y), to: (start + sampleLength, y), color: color, width: 2.5)
            canvas.fillCircle(centre: (start + sampleLength / 2, y), radius: 3.5, color: color)
            canvas.drawText(series.name, x: Int(start + sampleLength + line / 2), y: Int(y), scale: textScale)
        }
    }

    /// Canvas points along every series' line, about two pixels apart.
    private func lineSamples(mapping: PlotMapping) -> [(Double, Double)] {
        series.flatMap { series -> [(Double, Double)] in
            let points = series.points.map { mapping.point(x: $0.x, y: $0.y) }
            guard points.count > 1 else { return points }
            return zip(points, points.dropFirst()).flatMap { start, end -> [(Double, Double)] in
                let length = ((end.0 - start.0) * (end.0 - start.0) + (end.1 - start.1) * (end.1 - start.1)).squareRoot()
                let count = max(1, Int(length / 2))
                return (0...count).map { step in
                    let t = Double(step) / Double(count)
                    return (start.0 + t * (end.0 - start.0), start.1 + t * (end.1 - start.1))
                }
            }
        }
    }
}

import Foundation

/// The loss and held-out exact match during training, written as CSV and as an SVG line chart.
struct TrainingCurve {
    private(set) var points: [(step: Int, loss: Double, exactMatch: Double?)] = []

    mutating func record(step: Int, loss: Double, exactMatch: Double? = nil) {
        points.append((step, loss, exactMatch))
    }

    /// `step,loss,exact_match` rows; written atomically.
    func writeCSV(to url: URL) throws {
        let rows = points.map { "\($0.step),\($0.loss),\($0.exactMatch.map { String($0) } ?? "")" }
        try (["step,loss,exact_match"] + rows).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The loss (log scale, blue) and the exact match (0–100 %, orange) against the step; written atomically.
    func writeSVG(to url: URL) throws {
        let (width, height, margin) = (640.0, 360.0, 40.0)
        let lastStep = Double(points.last?.step ?? 1)
        let logLosses = points.map { log10(max($0.loss, 1e-6)) }
        let (low, high) = (logLosses.min() ?? 0, max((logLosses.max() ?? 1), (logLosses.min() ?? 0) + 1e-9))
        func x(_ step: Int) -> Double { margin + (width - 2 * margin) * Double(step) / lastStep }
        func y(_ fraction: Double) -> Double { height - margin - (height - 2 * margin) * fraction }
        let loss = zip(points, logLosses).map { "\(x($0.step)),\(y(($1 - low) / (high - low)))" }
        let match = points.compactMap { point in point.exactMatch.map { "\(x(point.step)),\(y($0))" } }
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <line x1="\(margin)" y1="\(height - margin)" x2="\(width - margin)" y2="\(height - margin)" stroke="black"/>
            <polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="\(loss.joined(separator: " "))"/>
            <polyline fill="none" stroke="#ff7f0e" stroke-width="2" points="\(match.joined(separator: " "))"/>
            <text x="\(margin)" y="20" fill="#1f77b4">training loss (log scale)</text>
            <text x="\(width / 2)" y="20" fill="#ff7f0e">held-out exact match (0–100 %)</text>
            <text x="\(width - margin)" y="\(height - 10)" text-anchor="end">step \(Int(lastStep))</text>
            </svg>
            """
        try svg.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// One axis of a `LinePlot`: its title, and optionally a fixed range and tick spacing.
struct PlotAxis: Sendable {
    /// Written along the axis, such as "epoch" or "loss".
    public var title: String
    /// The values shown; `nil` fits the data (widened to round ticks).
    public var range: ClosedRange<Double>?
    /// The smallest distance between ticks: 1 keeps an epoch axis on whole numbers.
    var minimumTickStep: Double

    public init(title: String, range: ClosedRange<Double>? = nil, minimumTickStep: Double = 0) {
        self.title = title
        self.range = range
        self.minimumTickStep = minimumTickStep
    }
}

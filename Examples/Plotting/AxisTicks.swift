import Foundation

/// Round tick values for an axis: a step of 1, 2 or 5 times a power of ten, and bounds
/// widened to whole steps (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
///
/// ```swift
/// let ticks = AxisTicks(covering: 0.12...0.87, targetCount: 5)
/// ticks.values              // [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
/// ticks.label(for: 0.4)     // "0.4"
/// ```
struct AxisTicks: Equatable, Sendable {
    /// The tick values, lowest first, `step` apart.
    public let values: [Double]
    /// The distance between ticks.
    public let step: Double

    /// The axis range: the first tick to the last.
    public var range: ClosedRange<Double> { values.first!...values.last! }

    /// Ticks covering `data` with about `targetCount` intervals and a step of at least
    /// `minimumStep` (1 for whole-numbered axes such as epochs). An empty range is
    /// widened by half a unit of its magnitude (or ±1 around 0).
    public init(covering data: ClosedRange<Double>, targetCount: Int = 5, minimumStep: Double = 0) {
        var lower = data.lowerBound
        var upper = data.upperBound
        if upper - lower <= 0 {
            let pad = lower == 0 ? 1 : abs(lower) / 2
            (lower, upper) = (lower - pad, upper + pad)
        }
        let step = max(Self.niceNumber(atLeast: (upper - lower) / Double(max(1, targetCount))), minimumStep)
        let first = (lower / step).rounded(.down)
        let last = (upper / step).rounded(.up)
        self.step = step
        // Multiplying whole step counts keeps 0.1 × 3 from printing as 0.30000000000000004.
        values = stride(from: first, through: last, by: 1).map { ($0 * step * 1e12).rounded() / 1e12 }
    }

    /// The tick value as text, with as many decimals as the step needs: 0.05 steps
    /// give "0.15", 0.5 steps "1.5", whole steps "3".
    public func label(for value: Double) -> String {
        let decimals = max(0, Int((-log10(step) - 1e-9).rounded(.up)))
        return String(format: "%.\(decimals)f", value == 0 ? 0 : value)
    }

    /// The smallest nice number (1, 2 or 5 × 10^k) at least `value`.
    private static func niceNumber(atLeast value: Double) -> Double {
        let power = pow(10, log10(value).rounded(.down))
        let fraction = value / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }
}

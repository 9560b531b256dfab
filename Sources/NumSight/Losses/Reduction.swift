/// How a loss turns per-element losses into its result.
public enum Reduction: Sendable, Hashable {
    /// The mean (the default of every loss).
    case mean
    /// The sum.
    case sum
    /// No reduction: one loss per element.
    case none

    /// `losses` reduced; the mean divides by `count` when given (a weighted count).
    func reduce<Scalar>(_ losses: Tensor<Scalar>, count: Tensor<Scalar>? = nil) -> Tensor<Scalar> {
        switch self {
        case .mean: count.map { losses.sum() / $0 } ?? losses.mean()
        case .sum: losses.sum()
        case .none: losses
        }
    }
}

/// A learning rate as a function of the step (0 for the first update).
public protocol LearningRateSchedule: Sendable {
    /// The learning rate of update number `step`, counting from 0.
    func learningRate(atStep step: Int) -> Double
}

/// The rate multiplied by `factor` every `stepsPerDrop` steps.
public struct StepDecay: LearningRateSchedule {
    /// The schedule's settings: the rate at step 0 (`initialRate`), the factor applied
    /// at each drop (`factor`), and the number of steps between drops (`stepsPerDrop`).
    public var initialRate: Double, factor: Double, stepsPerDrop: Int

    /// Creates a schedule giving initialRate · factor^⌊step / stepsPerDrop⌋.
    ///
    /// ```swift
    /// StepDecay(initialRate: 0.1, factor: 0.5, stepsPerDrop: 1000)   // 0.1, then 0.05 from step 1000, …
    /// ```
    public init(initialRate: Double, factor: Double, stepsPerDrop: Int) {
        (self.initialRate, self.factor, self.stepsPerDrop) = (initialRate, factor, stepsPerDrop)
    }

    /// initialRate · factor^⌊step / stepsPerDrop⌋.
    public func learningRate(atStep step: Int) -> Double {
        initialRate * Double.pow(factor, Double(step / stepsPerDrop))
    }
}

/// initialRate · decayRate^(step / decaySteps), the exponent whole when `staircase`.
public struct ExponentialDecay: LearningRateSchedule {
    /// The schedule's settings: the rate at step 0 (`initialRate`), the factor per
    /// `decaySteps` steps (`decayRate`, `decaySteps`), and whether the exponent is
    /// rounded down to whole numbers (`staircase`).
    public var initialRate: Double, decayRate: Double, decaySteps: Int, staircase: Bool

    /// Creates a schedule giving initialRate · decayRate^(step / decaySteps).
    public init(initialRate: Double, decayRate: Double, decaySteps: Int, staircase: Bool = false) {
        (self.initialRate, self.decayRate, self.decaySteps, self.staircase) = (initialRate, decayRate, decaySteps, staircase)
    }

    /// initialRate · decayRate^(step / decaySteps), the exponent rounded down when ``staircase``.
    public func learningRate(atStep step: Int) -> Double {
        let exponent = Double(step) / Double(decaySteps)
        return initialRate * Double.pow(decayRate, staircase ? exponent.rounded(.down) : exponent)
    }
}

/// A linear warm-up from 0 to `peakRate` over `warmupSteps`, then a cosine decay to
/// `peakRate · minimumFraction` over `decaySteps` (Loshchilov & Hutter, 2017).
public struct CosineDecay: LearningRateSchedule {
    /// The schedule's settings: the rate after warm-up (`peakRate`), the length of the
    /// cosine decay (`decaySteps`) and of the linear warm-up (`warmupSteps`), and the
    /// final rate as a fraction of the peak (`minimumFraction`).
    public var peakRate: Double, decaySteps: Int, warmupSteps: Int, minimumFraction: Double

    /// Creates a cosine decay with an optional linear warm-up.
    ///
    /// ```swift
    /// CosineDecay(peakRate: 1e-3, decaySteps: 10_000, warmupSteps: 500)
    /// ```
    public init(peakRate: Double, decaySteps: Int, warmupSteps: Int = 0, minimumFraction: Double = 0) {
        (self.peakRate, self.decaySteps, self.warmupSteps, self.minimumFraction) =
            (peakRate, decaySteps, warmupSteps, minimumFraction)
    }

    /// peakRate · (step + 1) / warmupSteps during warm-up, then
    /// peakRate · (f + (1 − f) · ½(1 + cos(π · progress))) with f = minimumFraction and
    /// progress going from 0 to 1 over `decaySteps`.
    public func learningRate(atStep step: Int) -> Double {
        if step < warmupSteps { return peakRate * Double(step + 1) / Double(warmupSteps) }
        let progress = Swift.min(Double(step - warmupSteps) / Double(Swift.max(decaySteps, 1)), 1)
        let cosine = 0.5 * (1 + CLibrary.cosine(Double.pi * progress))
        return peakRate * (minimumFraction + (1 - minimumFraction) * cosine)
    }
}

/// `rates[i]` for steps before `boundaries[i]`, and the last rate after the last boundary.
public struct PiecewiseConstant: LearningRateSchedule {
    /// The step boundaries, ascending, and the rates before, between and after them
    /// (one more rate than boundaries).
    public var boundaries: [Int], rates: [Double]

    /// Creates a piecewise constant schedule; needs one more rate than boundaries.
    ///
    /// ```swift
    /// PiecewiseConstant(boundaries: [1000, 2000], rates: [0.1, 0.01, 0.001])
    /// ```
    public init(boundaries: [Int], rates: [Double]) {
        require(rates.count == boundaries.count + 1, "PiecewiseConstant: need one more rate than boundaries")
        (self.boundaries, self.rates) = (boundaries, rates)
    }

    /// The rate of the first boundary above `step`, or the last rate past every boundary.
    public func learningRate(atStep step: Int) -> Double {
        rates[boundaries.firstIndex { step < $0 } ?? boundaries.count]
    }
}

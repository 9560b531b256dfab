#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning rate as a function of the step (0 for the first update).
public protocol LearningRateSchedule: Sendable {
    func learningRate(atStep step: Int) -> Double
}

/// The rate multiplied by `factor` every `stepsPerDrop` steps.
public struct StepDecay: LearningRateSchedule {
    public var initialRate: Double, factor: Double, stepsPerDrop: Int

    public init(initialRate: Double, factor: Double, stepsPerDrop: Int) {
        (self.initialRate, self.factor, self.stepsPerDrop) = (initialRate, factor, stepsPerDrop)
    }

    public func learningRate(atStep step: Int) -> Double {
        initialRate * Double.pow(factor, Double(step / stepsPerDrop))
    }
}

/// initialRate · decayRate^(step / decaySteps), the exponent whole when `staircase`.
public struct ExponentialDecay: LearningRateSchedule {
    public var initialRate: Double, decayRate: Double, decaySteps: Int, staircase: Bool

    public init(initialRate: Double, decayRate: Double, decaySteps: Int, staircase: Bool = false) {
        (self.initialRate, self.decayRate, self.decaySteps, self.staircase) = (initialRate, decayRate, decaySteps, staircase)
    }

    public func learningRate(atStep step: Int) -> Double {
        let exponent = Double(step) / Double(decaySteps)
        return initialRate * Double.pow(decayRate, staircase ? exponent.rounded(.down) : exponent)
    }
}

/// A linear warm-up from 0 to `peakRate` over `warmupSteps`, then a cosine decay to
/// `peakRate · minimumFraction` over `decaySteps` (Loshchilov & Hutter, 2017).
public struct CosineDecay: LearningRateSchedule {
    public var peakRate: Double, decaySteps: Int, warmupSteps: Int, minimumFraction: Double

    public init(peakRate: Double, decaySteps: Int, warmupSteps: Int = 0, minimumFraction: Double = 0) {
        (self.peakRate, self.decaySteps, self.warmupSteps, self.minimumFraction) =
            (peakRate, decaySteps, warmupSteps, minimumFraction)
    }

    public func learningRate(atStep step: Int) -> Double {
        if step < warmupSteps { return peakRate * Double(step + 1) / Double(warmupSteps) }
        let progress = Swift.min(Double(step - warmupSteps) / Double(Swift.max(decaySteps, 1)), 1)
        let cosine = 0.5 * (1 + cos(Double.pi * progress))
        return peakRate * (minimumFraction + (1 - minimumFraction) * cosine)
    }
}

/// `rates[i]` for steps before `boundaries[i]`, and the last rate after the last boundary.
public struct PiecewiseConstant: LearningRateSchedule {
    public var boundaries: [Int], rates: [Double]

    public init(boundaries: [Int], rates: [Double]) {
        precondition(rates.count == boundaries.count + 1, "PiecewiseConstant: need one more rate than boundaries")
        (self.boundaries, self.rates) = (boundaries, rates)
    }

    public func learningRate(atStep step: Int) -> Double {
        rates[boundaries.firstIndex { step < $0 } ?? boundaries.count]
    }
}

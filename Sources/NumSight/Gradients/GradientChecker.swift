/// Compares gradients computed by the tape with central finite differences, in
/// `Double`, for first and second derivatives.
///
/// A function with a non-scalar output is checked through a fixed random
/// projection of its output, L(x) = Σ f(x) · r, which exercises the whole
/// Jacobian. The second-order check differentiates H(x) = Σᵢ ∇ᵢL(x) · vᵢ (a
/// Hessian-vector product) and compares it with finite differences of H; it also
/// names every operation whose pullback returned a gradient that records nothing
/// while the backward pass was being recorded (a pullback computed on raw scalars,
/// right to first order and silently wrong to second).
///
/// ```swift
/// let report = GradientChecker.checkGradients(at: [Tensor<Double>.randomNormal(shape: [3], using: &g)]) {
///     tanh($0[0])
/// }
/// #expect(report.passes())
/// ```
public enum GradientChecker {
    /// Checks the first derivatives of `function` at `inputs`.
    public static func checkGradients(
        at inputs: [Tensor<Double>], stepSize: Double = 1e-6, seed: UInt64 = 0,
        of function: @escaping ([Tensor<Double>]) -> Tensor<Double>
    ) -> GradientCheckReport {
        let objective = projected(function, at: inputs, seed: seed)
        let analytic = valueWithGradients(at: inputs, of: objective).gradients
        return compare(analytic, finiteDifferences(of: objective, at: inputs, stepSize: stepSize))
    }

    /// Checks the second derivatives of `function` at `inputs`, through
    /// Hessian-vector products with a random vector.
    public static func checkSecondOrderGradients(
        at inputs: [Tensor<Double>], stepSize: Double = 1e-5, seed: UInt64 = 0,
        of function: @escaping ([Tensor<Double>]) -> Tensor<Double>
    ) -> GradientCheckReport {
        let objective = projected(function, at: inputs, seed: seed)
        var generator = SeededRandomNumberGenerator(seed: seed &+ 1)
        let directions = inputs.map { Tensor<Double>.randomNormal(shape: $0.shape, using: &generator) }
        let hessianVectorProduct: ([Tensor<Double>]) -> Tensor<Double> = { points in
            let gradients = valueWithGradients(at: points, of: objective).gradients
            return zip(gradients, directions).map { ($0 * $1).sum() }.reduce(Tensor(0), +)
        }
        let audit = PullbackAudit()
        let analytic = GradientRecording.$audit.withValue(audit) {
            valueWithGradients(at: inputs, of: hessianVectorProduct).gradients
        }
        var report = compare(analytic, finiteDifferences(of: hessianVectorProduct, at: inputs, stepSize: stepSize))
        report.nonDifferentiablePullbacks = audit.operations
        return report
    }

    /// L(x) = Σ f(x) · r for a fixed random r of the output's shape.
    private static func projected(
        _ function: @escaping ([Tensor<Double>]) -> Tensor<Double>, at inputs: [Tensor<Double>], seed: UInt64
    ) -> ([Tensor<Double>]) -> Tensor<Double> {
        let outputShape = withoutGradients { function(inputs).shape }
        var generator = SeededRandomNumberGenerator(seed: seed)
        let projection = Tensor<Double>.randomNormal(shape: outputShape, using: &generator)
        return { (function($0) * projection).sum() }
    }

    private static func finiteDifferences(
        of objective: ([Tensor<Double>]) -> Tensor<Double>, at inputs: [Tensor<Double>], stepSize: Double
    ) -> [Tensor<Double>] {
        inputs.indices.map { inputIndex in
            var estimates = [Double](repeating: 0, count: inputs[inputIndex].elementCount)
            for element in estimates.indices {
                func value(shiftedBy shift: Double) -> Double {
                    var shifted = inputs
                    shifted[inputIndex].withUnsafeMutableScalars { $0[element] += shift }
                    return objective(shifted).scalar
                }
                estimates[element] = (value(shiftedBy: stepSize) - value(shiftedBy: -stepSize)) / (2 * stepSize)
            }
            return Tensor(estimates, shape: inputs[inputIndex].shape)
        }
    }

    private static func compare(_ analytic: [Tensor<Double>], _ numeric: [Tensor<Double>]) -> GradientCheckReport {
        GradientCheckReport(inputs: zip(analytic, numeric).map { analytic, numeric in
            GradientCheckReport.InputComparison(analytic: analytic.scalars, numeric: numeric.scalars)
        })
    }
}

/// How far the tape's gradients are from finite differences, input by input.
public struct GradientCheckReport: CustomStringConvertible, Sendable {
    /// One input's gradient, both ways.
    public struct InputComparison: Sendable {
        /// The gradient computed by the tape.
        public var analytic: [Double]
        /// The gradient estimated by central differences.
        public var numeric: [Double]

        /// The largest |analytic − numeric| over the elements.
        public var worstAbsoluteError: Double {
            zip(analytic, numeric).map { Swift.abs($0 - $1) }.max() ?? 0
        }

        /// The largest |analytic − numeric| / max(|numeric|, 1e-12) over the elements.
        public var worstRelativeError: Double {
            zip(analytic, numeric).map { Swift.abs($0 - $1) / Swift.max(Swift.abs($1), 1e-12) }.max() ?? 0
        }

        /// Whether every element satisfies |analytic − numeric| ≤ absoluteTolerance + relativeTolerance · |numeric|.
        public func passes(absoluteTolerance: Double, relativeTolerance: Double) -> Bool {
            zip(analytic, numeric).allSatisfy { analytic, numeric in
                Swift.abs(analytic - numeric) <= absoluteTolerance + relativeTolerance * Swift.abs(numeric)
            }
        }
    }

    /// One comparison per input, in order.
    public var inputs: [InputComparison]
    /// The operations whose pullbacks returned a gradient that records nothing
    /// during a second-order check, so that derivatives through them are lost.
    public var nonDifferentiablePullbacks: [String] = []

    /// Whether every input's gradient is within tolerance. The defaults catch a 1 %
    /// error in any pullback while leaving room for finite-difference noise.
    public func passes(absoluteTolerance: Double = 1e-6, relativeTolerance: Double = 1e-4) -> Bool {
        nonDifferentiablePullbacks.isEmpty
            && inputs.allSatisfy { $0.passes(absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance) }
    }

    /// Each input's worst absolute and relative errors, then its analytic and numeric
    /// gradients, one input after another.
    public var description: String {
        nonDifferentiablePullbacks.map {
            "the pullback of '\($0)' returned a gradient that records nothing although second derivatives were "
                + "asked for: write it with tensor operations, not on raw scalars\n"
        }.joined() + inputs.enumerated().map { index, input in
            "input \(index): worst absolute error \(input.worstAbsoluteError), "
                + "worst relative error \(input.worstRelativeError)\n  analytic \(input.analytic)\n  numeric  \(input.numeric)"
        }.joined(separator: "\n")
    }
}

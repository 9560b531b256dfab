import Testing
import NumSight

@Suite struct GradientCheckerTests {
    /// x³ with a pullback that is off by `error` (relative).
    static func cube(_ x: Tensor<Double>, pullbackError error: Double) -> Tensor<Double> {
        Tensor.recordingOperation(named: "cube", value: withoutGradients { x * x * x }, inputs: [x]) { gradient in
            [(3 * (1 + error)) * x * x * gradient]
        }
    }

    @Test func acceptsACorrectPullback() {
        let inputs = [Tensor<Double>([0.3, -1.2, 2.0])]
        let report = GradientChecker.checkGradients(at: inputs) { Self.cube($0[0], pullbackError: 0) }
        #expect(report.passes(), "\(report)")
        #expect(report.inputs[0].worstRelativeError < 1e-7)
    }

    @Test func catchesAPullbackThatIsOnePercentOff() {
        let inputs = [Tensor<Double>([0.3, -1.2, 2.0])]
        let report = GradientChecker.checkGradients(at: inputs) { Self.cube($0[0], pullbackError: 0.01) }
        #expect(!report.passes())
        #expect(abs(report.inputs[0].worstRelativeError - 0.01) < 1e-6, "\(report)")
    }

    @Test func catchesASecondDerivativeThatIsOnePercentOff() {
        // The pullback's own derivative is wrong: 3x² is computed from a detached x scaled by 1.01.
        let inputs = [Tensor<Double>([0.3, -1.2, 2.0])]
        let report = GradientChecker.checkSecondOrderGradients(at: inputs) { inputs in
            let x = inputs[0]
            return Tensor.recordingOperation(named: "cube", value: withoutGradients { x * x * x }, inputs: [x]) {
                gradient in [3 * x * (x * 1.01 - 0.01 * x.detached()) * gradient]
            }
        }
        #expect(!report.passes(absoluteTolerance: 1e-5, relativeTolerance: 1e-4), "\(report)")
    }

    @Test func namesAPullbackComputedOnRawScalars() {
        // Right to first order, but its gradient records nothing: second derivatives through it are lost.
        let inputs = [Tensor<Double>([0.3, -1.2, 2.0])]
        func rawCube(_ x: Tensor<Double>) -> Tensor<Double> {
            Tensor.recordingOperation(named: "rawCube", value: withoutGradients { x * x * x }, inputs: [x]) { gradient in
                [Tensor(zip(x.scalars, gradient.scalars).map { 3 * $0 * $0 * $1 }, shape: x.shape)]
            }
        }
        #expect(GradientChecker.checkGradients(at: inputs) { rawCube($0[0]) }.passes())
        let report = GradientChecker.checkSecondOrderGradients(at: inputs) { rawCube($0[0]) }
        #expect(report.nonDifferentiablePullbacks == ["rawCube"])
        #expect(!report.passes())
        #expect(report.description.contains("the pullback of 'rawCube' returned a gradient that records nothing"),
                "\(report)")
        let correct = GradientChecker.checkSecondOrderGradients(at: inputs) { Self.cube($0[0], pullbackError: 0) }
        #expect(correct.nonDifferentiablePullbacks.isEmpty && correct.passes(), "\(correct)")
    }

    @Test func reportsFiniteDifferencesOfAKnownFunction() {
        // d/dx Σ r·x² = 2·r·x; checked against the numeric estimate itself.
        let report = GradientChecker.checkGradients(at: [Tensor<Double>([1, 2])]) { $0[0].squared() }
        let numeric = report.inputs[0].numeric
        let analytic = report.inputs[0].analytic
        #expect(numeric.count == 2)
        for (a, n) in zip(analytic, numeric) { #expect(abs(a - n) < 1e-8, "analytic \(a), numeric \(n)") }
    }
}

import Testing
import NumSight

/// Expects `observed` to have `shape` and, element by element, to lie within
/// `tolerance · (1 + |expected|)` of `expected`; on failure prints both.
///
/// Written without ``Tensor/isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)``,
/// so that the value tests do not lean on the code that `ApproximationTests` checks.
func expectTensor<Scalar: TensorScalar>(
    _ observed: Tensor<Scalar>, equals expected: [Scalar], shape: [Int], tolerance: Scalar = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let matches = observed.shape == shape && observed.scalars.count == expected.count
        && zip(observed.scalars, expected).allSatisfy { observed, expected in
            observed == expected || abs(observed - expected) <= tolerance * (1 + abs(expected))
        }
    #expect(matches, "expected \(shape) \(expected), observed \(observed.shape) \(observed.scalars)",
            sourceLocation: sourceLocation)
}

/// Expects every element of `tensor` to be finite (no NaN, no infinity).
func expectFinite<Scalar: TensorScalar>(_ tensor: Tensor<Scalar>, sourceLocation: SourceLocation = #_sourceLocation) {
    let isFinite = tensor.scalars.allSatisfy { $0.isFinite }
    #expect(isFinite, "expected finite values, observed \(tensor.scalars)", sourceLocation: sourceLocation)
}

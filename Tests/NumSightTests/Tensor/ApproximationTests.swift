import Testing
import NumSight

/// `a.isApproximatelyEqual(to: b)` holds when |a − b| ≤ absoluteTolerance + relativeTolerance · |b| everywhere.
@Suite struct ApproximationTests {
    @Test func differencesWithinTheDefaultTolerancesAreEqual() {
        let x = Tensor<Float>([1, 2, 3])
        #expect(x.isApproximatelyEqual(to: Tensor([1.000001, 2, 2.99999])))
        #expect(!x.isApproximatelyEqual(to: Tensor([1.001, 2, 3])))
        #expect(x.isApproximatelyEqual(to: x))
    }

    @Test func theAbsoluteToleranceBoundsTheDifference() {
        let x = Tensor<Double>([1])
        #expect(!x.isApproximatelyEqual(to: Tensor([1.1])))
        #expect(x.isApproximatelyEqual(to: Tensor([1.1]), absoluteTolerance: 0.2, relativeTolerance: 0))
        #expect(!x.isApproximatelyEqual(to: Tensor([1.1]), absoluteTolerance: 0.05, relativeTolerance: 0))
    }

    @Test func theRelativeToleranceScalesWithTheOtherTensor() {
        // |1000 − 1000.5| = 0.5 ≤ 1e-3 · 1000.5 but > 1e-4 · 1000.5.
        let x = Tensor<Double>([1000])
        #expect(x.isApproximatelyEqual(to: Tensor([1000.5]), absoluteTolerance: 0, relativeTolerance: 1e-3))
        #expect(!x.isApproximatelyEqual(to: Tensor([1000.5]), absoluteTolerance: 0, relativeTolerance: 1e-4))
        // Like NumPy's allclose it is not symmetric: the tolerance scales with |other|.
        #expect(Tensor<Double>([0]).isApproximatelyEqual(to: Tensor([1]), absoluteTolerance: 0, relativeTolerance: 1))
        #expect(!Tensor<Double>([1]).isApproximatelyEqual(to: Tensor([0]), absoluteTolerance: 0, relativeTolerance: 1))
    }

    @Test func differentShapesAreNeverEqual() {
        let x = Tensor<Float>([1, 2])
        #expect(!x.isApproximatelyEqual(to: Tensor([1, 2], shape: [1, 2])))
        #expect(!x.isApproximatelyEqual(to: Tensor([1, 2, 3])))
        #expect(Tensor<Float>.zeros(shape: [0]).isApproximatelyEqual(to: .zeros(shape: [0])))
    }

    @Test func notANumberIsNeverEqual() {
        let x = Tensor<Float>([1, .nan])
        #expect(!x.isApproximatelyEqual(to: Tensor([1, 2])))
        #expect(!x.isApproximatelyEqual(to: x))
        #expect(!Tensor<Float>([1, 2]).isApproximatelyEqual(to: x))
    }

    @Test func equalInfinitiesAreEqualAsInNumPy() {
        // NumPy: "Infs are treated as equal if they are in the same place and of the same sign".
        let x = Tensor<Double>([1, .infinity, -.infinity])
        #expect(!x.isApproximatelyEqual(to: Tensor([1, -.infinity, -.infinity])))
        #expect(!x.isApproximatelyEqual(to: Tensor([1, 1e300, -.infinity])))
        #expect(x.isApproximatelyEqual(to: x))
    }
}

import Testing
import NumSight

@Suite struct GradientCatalogueTests {
    @Test func everyPrimitiveOperationIsInTheCatalogue() {
        let covered = Set(gradientCatalogue.flatMap(\.covers))
        let missing = Operation.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "operations without a gradient check: \(missing)")
    }

    @Test(arguments: gradientCatalogue)
    func firstOrderGradientsMatchFiniteDifferences(_ testCase: GradientCase) {
        let report = GradientChecker.checkGradients(at: testCase.inputs(), of: testCase.function)
        #expect(report.passes(), "\(testCase.name):\n\(report)")
    }

    @Test(arguments: gradientCatalogue)
    func secondOrderGradientsMatchFiniteDifferences(_ testCase: GradientCase) {
        let report = GradientChecker.checkSecondOrderGradients(at: testCase.inputs(), of: testCase.function)
        #expect(report.passes(absoluteTolerance: 1e-5, relativeTolerance: 1e-4), "\(testCase.name):\n\(report)")
    }
}

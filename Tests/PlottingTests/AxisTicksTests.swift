import Testing
@testable import Plotting

@Suite struct AxisTicksTests {
    @Test func ticksAreRoundStepsCoveringTheData() {
        let fractions = AxisTicks(covering: 0.12...0.87)  // span 0.75 / 5 → step 0.2
        #expect(fractions.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        let accuracy = AxisTicks(covering: 0.895...0.995)  // 0.02
        #expect(accuracy.values == [0.88, 0.9, 0.92, 0.94, 0.96, 0.98, 1.0])
        let losses = AxisTicks(covering: 3...740)  // 147.4 → 200
        #expect(losses.values == [0, 200, 400, 600, 800])
    }

    @Test func minimumStepKeepsEpochsWhole() {
        #expect(AxisTicks(covering: 1...3, minimumStep: 1).values == [1, 2, 3])  // 0.4 → 0.5, raised to 1
        #expect(AxisTicks(covering: 1...15, minimumStep: 1).values == [0, 5, 10, 15])
    }

    @Test func emptyRangeIsWidened() {
        #expect(AxisTicks(covering: 0...0).values == [-1, -0.5, 0, 0.5, 1])
        #expect(AxisTicks(covering: 4...4).values == [2, 3, 4, 5, 6])  // ±2, step 1
    }

    @Test func labelsShowTheDecimalsTheStepNeeds() {
        let hundredths = AxisTicks(covering: 0.9...1.0)  // step 0.02
        #expect(hundredths.label(for: 0.94) == "0.94")
        #expect(hundredths.label(for: 1) == "1.00")
        let whole = AxisTicks(covering: 0...40)  // step 10
        #expect(whole.label(for: 30) == "30")
        #expect(AxisTicks(covering: -1...1).label(for: -0.0) == "0.0")
    }
}

import CNumSightKernels
import Testing

extension KernelTests {
    /// The Adam kernel against the update written out in double, on every path and thread count.
    @Suite struct AdamTests {
        @Test func adamMatchesDefinition() {
            let count = 1_001
            let (beta1, beta2, epsilon, stepSize): (Float, Float, Float, Float) = (0.9, 0.999, 1e-7, 0.01)
            let start = randomFloats(count, seed: 1), gradient = randomFloats(count, seed: 2)
            let firstStart = randomFloats(count, seed: 3), secondStart = randomFloats(count, seed: 4).map(abs)
            var expectedFirst: [Float] = [], expectedSecond: [Float] = [], expected: [Float] = []
            for i in 0..<count {
                let g = Double(gradient[i])
                let m = Double(beta1) * Double(firstStart[i]) + (1 - Double(beta1)) * g
                let v = Double(beta2) * Double(secondStart[i]) + (1 - Double(beta2)) * g * g
                expectedFirst.append(Float(m))
                expectedSecond.append(Float(v))
                expected.append(Float(Double(start[i]) - Double(stepSize) * m / (v.squareRoot() + Double(epsilon))))
            }
            forEachConfiguration { configuration in
                var parameter = start, first = firstStart, second = secondStart
                ns_adam_update(count, &parameter, gradient, &first, &second, beta1, beta2, epsilon, stepSize)
                expectClose(first, expectedFirst, tolerance: 1e-6, "first moment, \(configuration)")
                expectClose(second, expectedSecond, tolerance: 1e-6, "second moment, \(configuration)")
                expectClose(parameter, expected, tolerance: 1e-5, "parameter, \(configuration)")
            }
        }
    }
}

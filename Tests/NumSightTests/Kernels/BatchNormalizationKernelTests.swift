import CNumSightKernels
import Testing

extension KernelTests {
    /// Batch normalisation forward and backward against double-precision loops written
    /// from the formulas in CNumSightKernels.h, on every path and thread count.
    @Suite struct BatchNormalizationTests {
        static let (rows, channels) = (301, 19)
        static let epsilon: Float = 1e-3

        /// Per channel, the mean and population variance in double, two-pass.
        static func statistics(
            _ x: [Float], rows: Int = rows, channels: Int = channels
        ) -> (mean: [Double], variance: [Double]) {
            let mean = (0..<channels).map { c in
                (0..<rows).reduce(0.0) { $0 + Double(x[$1 * channels + c]) } / Double(rows)
            }
            let variance = (0..<channels).map { c in
                (0..<rows).reduce(0.0) { sum, row in
                    let deviation = Double(x[row * channels + c]) - mean[c]
                    return sum + deviation * deviation
                } / Double(rows)
            }
            return (mean, variance)
        }

        @Test(arguments: [false, true])
        func forwardMatchesDefinition(appliesReLU: Bool) {
            let x = randomFloats(Self.rows * Self.channels, seed: 1).map { 3 * $0 + 2 }
            let scale = randomFloats(Self.channels, seed: 2), offset = randomFloats(Self.channels, seed: 3)
            let (mean, variance) = Self.statistics(x)
            let expected = x.indices.map { i in
                let c = i % Self.channels
                let y = Float((Double(x[i]) - mean[c]) / (variance[c] + Double(Self.epsilon)).squareRoot()
                              * Double(scale[c]) + Double(offset[c]))
                return appliesReLU ? max(y, 0) : y
            }
            forEachConfiguration { configuration in
                var output = [Float](repeating: .nan, count: x.count)
                var observedMean = [Float](repeating: .nan, count: Self.channels), observedVariance = observedMean
                ns_batch_norm_forward(Self.rows, Self.channels, x, scale, offset, Self.epsilon, appliesReLU ? 1 : 0,
                                      &output, &observedMean, &observedVariance)
                expectClose(output, expected, tolerance: 1e-4, "output, \(configuration)")
                expectClose(observedMean, mean.map { Float($0) }, tolerance: 1e-5, "mean, \(configuration)")
                expectClose(observedVariance, variance.map { Float($0) }, tolerance: 1e-5, "variance, \(configuration)")
            }
        }

        /// Through the ReLU (given the forward's offset), the gradient counts only where the
        /// forward's output was positive.
        @Test(arguments: [false, true])
        func backwardMatchesDefinition(throughReLU: Bool) {
            let x = randomFloats(Self.rows * Self.channels, seed: 4)
            let scale = randomFloats(Self.channels, seed: 6), offset = randomFloats(Self.channels, seed: 7)
            var reluOutput = [Float](repeating: .nan, count: x.count)
            var forwardMean = [Float](repeating: .nan, count: Self.channels), forwardVariance = forwardMean
            ns_batch_norm_forward(Self.rows, Self.channels, x, scale, offset, Self.epsilon, 1, &reluOutput,
                                  &forwardMean, &forwardVariance)
            let given = randomFloats(x.count, seed: 5)
            let gradient = zip(given, reluOutput).map { !throughReLU || $1 > 0 ? $0 : 0 }
            #expect(!throughReLU || (gradient.contains(0) && gradient.contains { $0 != 0 }))
            let (mean, variance) = Self.statistics(x)
            let s = variance.map { 1 / ($0 + Double(Self.epsilon)).squareRoot() }
            let normalised = x.indices.map { (Double(x[$0]) - mean[$0 % Self.channels]) * s[$0 % Self.channels] }
            let offsetGradient = (0..<Self.channels).map { c in
                (0..<Self.rows).reduce(0.0) { $0 + Double(gradient[$1 * Self.channels + c]) }
            }
            let scaleGradient = (0..<Self.channels).map { c in
                (0..<Self.rows).reduce(0.0) { $0 + Double(gradient[$1 * Self.channels + c]) * normalised[$1 * Self.channels + c] }
            }
            let n = Double(Self.rows)
            let inputGradient = x.indices.map { i in
                let c = i % Self.channels
                return Float(Double(scale[c]) * s[c] / n
                             * (n * Double(gradient[i]) - offsetGradient[c] - normalised[i] * scaleGradient[c]))
            }
            forEachConfiguration { configuration in
                var dx = [Float](repeating: .nan, count: x.count)
                var dScale = [Float](repeating: .nan, count: Self.channels), dOffset = dScale
                // Through the ReLU, the kernel is given the unmasked gradient and masks it itself.
                ns_batch_norm_backward(Self.rows, Self.channels, given, throughReLU ? offset : nil, x, scale,
                                       forwardMean, forwardVariance, Self.epsilon, &dx, &dScale, &dOffset)
                expectClose(dx, inputGradient, tolerance: 1e-4, "input gradient, \(configuration)")
                expectClose(dScale, scaleGradient.map { Float($0) }, tolerance: 1e-4, "scale gradient, \(configuration)")
                expectClose(dOffset, offsetGradient.map { Float($0) }, tolerance: 1e-4, "offset gradient, \(configuration)")
            }
        }

        /// Values of 1000 ± 1: E[x²] − E[x]² in float would cancel to noise; the kernel's block
        /// deviations keep the variance to float precision, on every path and thread count.
        /// Values of 1000 ± 1: E[x²] − E[x]² in float would cancel to noise; the kernel's block
        /// deviations keep the variance to float precision, on every path and thread count.
        @Test func varianceHoldsWhenTheMeanDwarfsTheSpread() {
            let (rows, channels) = (4_097, 3)
            let x = randomFloats(rows * channels, seed: 7).map { 1000 + $0 }
            let (mean, variance) = Self.statistics(x, rows: rows, channels: channels)
            let ones = [Float](repeating: 1, count: channels), zeros = [Float](repeating: 0, count: channels)
            forEachConfiguration { configuration in
                var output = [Float](repeating: .nan, count: x.count)
                var observedMean = zeros, observedVariance = zeros
                ns_batch_norm_forward(rows, channels, x, ones, zeros, 0, 0, &output, &observedMean, &observedVariance)
                expectClose(observedVariance.map { Double($0) }, variance, tolerance: 1e-6, "variance, \(configuration)")
                expectClose(observedMean.map { Double($0) }, mean, tolerance: 1e-7, "mean, \(configuration)")
                let expected = x.indices.map {
                    Float((Double(x[$0]) - mean[$0 % channels]) / variance[$0 % channels].squareRoot())
                }
                expectClose(output, expected, tolerance: 1e-3, "output, \(configuration)")
            }
        }
    }
}

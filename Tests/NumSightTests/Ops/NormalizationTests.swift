import Foundation
import Testing
import NumSight

@Suite struct NormalizationTests {
    /// Four examples of two features: feature 0 is 1…4 (mean 2.5, variance 1.25),
    /// feature 1 is 10…40 (mean 25, variance 125).
    let x = Tensor<Double>([1, 10, 2, 20, 3, 30, 4, 40], shape: [4, 2])
    let scale = Tensor<Double>([2, 0.5])
    let offset = Tensor<Double>([1, -1])

    /// (value − mean) / √(variance + epsilon) · scale + offset, written out per element.
    func normalized(_ values: [Double], mean: [Double], variance: [Double], scale: [Double], offset: [Double],
                    epsilon: Double) -> [Double] {
        values.indices.map { index in
            let channel = index % mean.count
            return (values[index] - mean[channel]) / (variance[channel] + epsilon).squareRoot() * scale[channel]
                + offset[channel]
        }
    }

    /// Float activations of 1000 ± 1: the output is the standardised input, not the blow-up
    /// that E[x²] − E[x]² gives when it cancels to rounding noise.
    @Test func batchNormalizationInFloatHoldsWhenTheMeanDwarfsTheSpread() {
        let values = (0..<4_096).map { Float(1000 + Foundation.sin(Double($0))) }
        var runningMean = Tensor<Float>([0, 0]), runningVariance = Tensor<Float>([1, 1])
        let y = batchNormalized(Tensor(values, shape: [2_048, 2]), scale: Tensor([1, 1]), offset: Tensor([0, 0]),
                                runningMean: &runningMean, runningVariance: &runningVariance, epsilon: 0,
                                isTraining: true)
        let (mean, variance) = (0..<2).map { c in
            let column = stride(from: c, to: values.count, by: 2).map { Double(values[$0]) }
            let mean = column.reduce(0, +) / Double(column.count)
            return (mean, column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count))
        }.reduce(into: ([Double](), [Double]())) { $0.0.append($1.0); $0.1.append($1.1) }
        let expected = values.indices.map { Float((Double(values[$0]) - mean[$0 % 2]) / variance[$0 % 2].squareRoot()) }
        expectTensor(y, equals: expected, shape: [2_048, 2], tolerance: 1e-3)
    }

    /// The fused op (the Float kernel's ReLU and its mask inside the backward pass) against
    /// the two ops one after the other: the same values and input gradients.
    @Test func batchNormalizedReLUIsReLUOfBatchNormalized() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        let x = Tensor<Float>.randomNormal(shape: [64, 3, 5], using: &generator)
        let weights = Tensor<Float>.randomNormal(shape: [64, 3, 5], using: &generator)
        let (scale, offset) = (Tensor<Float>([1.5, -0.5, 1, 2, 0.5]), Tensor<Float>([0.1, 0.3, -0.2, 0, 1]))
        func loss(fused: Bool) -> (value: Float, gradient: Tensor<Float>) {
            var mean = Tensor<Float>.zeros(shape: [5]), variance = Tensor<Float>.ones(shape: [5])
            let (value, gradient) = valueWithGradient(at: x) { x in
                let y = fused
                    ? batchNormalizedReLU(x, scale: scale, offset: offset, runningMean: &mean,
                                          runningVariance: &variance, isTraining: true)
                    : relu(batchNormalized(x, scale: scale, offset: offset, runningMean: &mean,
                                           runningVariance: &variance, isTraining: true))
                return (y * weights).sum()
            }
            return (value.scalar, gradient)
        }
        let (fused, separate) = (loss(fused: true), loss(fused: false))
        #expect(abs(fused.value - separate.value) <= 1e-4 * abs(separate.value))
        expectTensor(fused.gradient, equals: separate.gradient.scalars, shape: x.shape, tolerance: 1e-5)
    }

    @Test func batchNormalizationInTrainingUsesTheBatchStatistics() {
        var runningMean = Tensor<Double>([0, 0])
        var runningVariance = Tensor<Double>([1, 1])
        let y = batchNormalized(x, scale: scale, offset: offset, runningMean: &runningMean,
                                runningVariance: &runningVariance, isTraining: true)
        let expected = normalized(x.scalars, mean: [2.5, 25], variance: [1.25, 125], scale: [2, 0.5],
                                  offset: [1, -1], epsilon: 1e-3)
        expectTensor(y, equals: expected, shape: [4, 2], tolerance: 1e-12)
    }

    @Test func batchNormalizationMovesTheRunningStatisticsWithMomentum099() {
        // running = 0.99 · running + 0.01 · batch: mean 0.01 · (2.5, 25); variance 0.99 + 0.01 · (1.25, 125).
        var runningMean = Tensor<Double>([0, 0])
        var runningVariance = Tensor<Double>([1, 1])
        _ = batchNormalized(x, scale: scale, offset: offset, runningMean: &runningMean,
                            runningVariance: &runningVariance, isTraining: true)
        expectTensor(runningMean, equals: [0.025, 0.25], shape: [2], tolerance: 1e-12)
        expectTensor(runningVariance, equals: [1.0025, 2.24], shape: [2], tolerance: 1e-12)
    }

    @Test func theRunningStatisticsFollowACustomMomentumAndNeverRecordGradients() {
        var runningMean = Tensor<Double>([1, 1])
        var runningVariance = Tensor<Double>([1, 1])
        _ = batchNormalized(x.requiringGradient(), scale: scale.requiringGradient(), offset: offset,
                            runningMean: &runningMean, runningVariance: &runningVariance, momentum: 0.5,
                            isTraining: true)
        expectTensor(runningMean, equals: [1.75, 13], shape: [2], tolerance: 1e-12)
        expectTensor(runningVariance, equals: [1.125, 63], shape: [2], tolerance: 1e-12)
        #expect(!runningMean.requiresGradient && !runningVariance.requiresGradient)
    }

    @Test func batchNormalizationInInferenceUsesTheRunningStatisticsAndLeavesThemAlone() {
        var runningMean = Tensor<Double>([2, 20])
        var runningVariance = Tensor<Double>([4, 100])
        let y = batchNormalized(x, scale: scale, offset: offset, runningMean: &runningMean,
                                runningVariance: &runningVariance, epsilon: 0, isTraining: false)
        // Feature 0: (v − 2) / 2 · 2 + 1 = v − 1; feature 1: (v − 20) / 10 · 0.5 − 1.
        expectTensor(y, equals: [0, -1.5, 1, -1, 2, -0.5, 3, 0], shape: [4, 2], tolerance: 1e-12)
        expectTensor(runningMean, equals: [2, 20], shape: [2])
        expectTensor(runningVariance, equals: [4, 100], shape: [2])
    }

    @Test func batchNormalizationOfImagesReducesOverBatchHeightAndWidth() {
        // [2, 1, 2, 2]: channel 0 holds 0, 2, 4, 6 (mean 3, variance 5); channel 1 holds 1, 1, 1, 5 (mean 2, variance 3).
        let images = Tensor<Float>([0, 1, 2, 1, 4, 1, 6, 5], shape: [2, 1, 2, 2])
        var runningMean = Tensor<Float>.zeros(shape: [2])
        var runningVariance = Tensor<Float>.ones(shape: [2])
        let y = batchNormalized(images, scale: .ones(shape: [2]), offset: .zeros(shape: [2]),
                                runningMean: &runningMean, runningVariance: &runningVariance, epsilon: 0,
                                isTraining: true)
        let expected = normalized([0, 1, 2, 1, 4, 1, 6, 5], mean: [3, 2], variance: [5, 3], scale: [1, 1],
                                  offset: [0, 0], epsilon: 0)
        expectTensor(y, equals: expected.map(Float.init), shape: [2, 1, 2, 2])
        expectTensor(runningMean, equals: [0.03, 0.02], shape: [2])
        expectTensor(runningVariance, equals: [1.04, 1.02], shape: [2])
    }

    @Test func layerNormalizationNormalisesEachExampleOverItsFeatures() {
        // Rows (1, 2, 3) and (10, 0, −10): means 2 and 0, variances 2/3 and 200/3.
        let rows = Tensor<Double>([1, 2, 3, 10, 0, -10], shape: [2, 3])
        let y = layerNormalized(rows, scale: Tensor([1, 2, 3]), offset: Tensor([0, 0, 1]))
        let epsilon = 1e-3
        let first = [1.0, 2, 3].map { ($0 - 2) / (2.0 / 3 + epsilon).squareRoot() }
        let second = [10.0, 0, -10].map { $0 / (200.0 / 3 + epsilon).squareRoot() }
        let expected = zip(first + second, [1.0, 2, 3, 1, 2, 3]).map(*).enumerated().map { index, value in
            index % 3 == 2 ? value + 1 : value
        }
        expectTensor(y, equals: expected, shape: [2, 3], tolerance: 1e-12)
    }

    @Test func layerNormalizationGivesZeroMeanAndNearlyUnitVariancePerRow() {
        var generator = SeededRandomNumberGenerator(seed: 1)
        let x = Tensor<Float>.randomNormal(shape: [3, 64], mean: 5, standardDeviation: 3, using: &generator)
        let y = layerNormalized(x, scale: .ones(shape: [64]), offset: .zeros(shape: [64]), epsilon: 0)
        expectTensor(y.mean(alongAxes: [1]), equals: [0, 0, 0], shape: [3], tolerance: 1e-5)
        expectTensor(y.variance(alongAxes: [1]), equals: [1, 1, 1], shape: [3], tolerance: 1e-4)
    }
}

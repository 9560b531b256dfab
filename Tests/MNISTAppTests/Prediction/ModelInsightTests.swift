import Foundation
import MNIST
import NumSight
import Testing
@testable import MNISTApp

/// Feature maps, filters and saliency of the seed CNN (`ModelInsight`), on an untrained model
/// whose biases and batch-norm statistics are not their defaults (`BrowserParityTests.model()`).
@Suite struct ModelInsightTests {
    /// Shared read-only: only `insight`'s one-time initialisation differentiates through it.
    nonisolated(unsafe) static let model = BrowserParityTests.model()

    /// The preprocessed "seven" of the browser parity drawings.
    static let input: [Float] = {
        let seven = BrowserParityTests.drawings()[0].image
        return try! DigitPreprocessor().modelInput(from: seven)
    }()

    static let insight = ModelInsight(model: model, modelInput: input)

    /// The Float model's state in a Double copy of the same architecture.
    static func doubleModel() -> Sequential<Double> {
        let copy = SeedCNN.makeModel(scalarType: Double.self)
        let parameters = Dictionary(uniqueKeysWithValues: model.namedParameters.map { ($0.name, $0.parameter.value) })
        let buffers = Dictionary(uniqueKeysWithValues: model.namedBuffers.map { ($0.name, $0.buffer.value) })
        for (name, parameter) in copy.namedParameters { parameter.value = parameters[name]!.converted(to: Double.self) }
        for (name, buffer) in copy.namedBuffers { buffer.value = buffers[name]!.converted(to: Double.self) }
        return copy
    }

    @Test func everyLayerHasTheSeedCNNsShape() {
        let expected: [(String, Int, [Int])] = [
            ("conv1", 0, [28, 28, 32]), ("norm1", 1, [28, 28, 32]), ("relu1", 2, [28, 28, 32]), ("pool1", 3, [14, 14, 32]),
            ("conv2", 4, [14, 14, 64]), ("norm2", 5, [14, 14, 64]), ("relu2", 6, [14, 14, 64]), ("pool2", 7, [7, 7, 64]),
            ("conv3", 8, [7, 7, 96]), ("norm3", 9, [7, 7, 96]), ("relu3", 10, [7, 7, 96]),
            ("dense1", 13, [1, 1, 128]), ("dense2", 15, [1, 1, 10]),
        ]
        let observed = Self.insight.featureMaps.map { ($0.name, $0.layerIndex, $0.shape) }
        #expect(observed.map(\.0) == expected.map(\.0))
        #expect(observed.map(\.1) == expected.map(\.1))
        #expect(observed.map(\.2) == expected.map(\.2))
        for map in Self.insight.featureMaps {
            #expect(map.values.count == map.shape.reduce(1, *), "\(map.name)")
        }
        for name in ["relu1", "pool1", "relu2", "pool2", "relu3", "dense1"] {
            let map = Self.insight.featureMaps.first { $0.name == name }!
            #expect(map.values.allSatisfy { $0 >= 0 }, "\(name) follows a ReLU")
        }
    }

    @Test func theLastMapIsTheModelsLogitsAndTheDigitItsLargest() {
        let image = Tensor(Self.input, shape: [1, 28, 28, 1])
        let logits = withInferenceMode { withoutGradients { Self.model(image) } }.scalars
        #expect(Self.insight.logits == logits)
        #expect(Self.insight.digit == DigitRecognizer(model: Self.model).recognize(modelInput: Self.input).digit)
    }

    @Test func theFiltersAreTheFirstConvolutionsWeight() {
        let weight = (Self.model.layers[0] as! Conv2D<Float>).weight.value
        #expect(Self.insight.filters.shape == [3, 3, 1, 32])
        #expect(Self.insight.filters == weight)
    }

    @Test func lookingInsideLeavesNoGradientOnAnyParameter() {
        let model = withRandomSeed(5) { SeedCNN.makeModel() }
        _ = ModelInsight(model: model, modelInput: Self.input)
        for (name, parameter) in model.namedParameters {
            #expect(parameter.value.gradient == nil, "\(name) has a gradient")
        }
    }

    /// The tape's saliency against central differences of the top logit, in Double. The network
    /// is piecewise linear in its input, so the differences are exact but for rounding
    /// (~1e-16 · |logit| / h ≈ 1e-10 with h = 1e-6) as long as no ReLU or pooling choice flips
    /// within h. On a drawing one does: the blank background gives every 2×2 pooling window four
    /// equal activations, where the logit has a kink (the tape takes the first, as every framework
    /// does; a one-sided difference sees the other). So the check runs on the drawing plus a
    /// little noise, where no window holds a tie.
    @Test func saliencyAgreesWithCentralDifferences() {
        let model = Self.doubleModel()
        var generator = SeededRandomNumberGenerator(seed: 21)
        let noisy = Self.input.map { Double($0) + .random(in: 0..<0.05, using: &generator) }
        let image = Tensor(noisy, shape: [1, 28, 28, 1])
        let digit = Self.insight.digit
        let (logit, saliency) = ModelInsight.saliency(of: model, for: image, class: digit)
        func topLogit(_ pixels: [Double]) -> Double {
            withInferenceMode { withoutGradients { model(Tensor(pixels, shape: [1, 28, 28, 1])) } }.scalars[digit]
        }
        #expect(abs(topLogit(image.scalars) - logit) < 1e-12)

        // The four pixels of largest saliency, four on the ink and four of the blank border.
        let bySize = saliency.scalars.indices.sorted { abs(saliency.scalars[$0]) > abs(saliency.scalars[$1]) }
        let inked = Self.input.indices.filter { Self.input[$0] > 0.5 }
        let pixels = Array(bySize.prefix(4)) + stride(from: 0, to: inked.count, by: max(1, inked.count / 4)).prefix(4).map { inked[$0] }
            + [0, 27, 14 * 28 + 1, 783]
        let largest = abs(saliency.scalars[bySize[0]])
        let step = 1e-6
        for pixel in pixels {
            var plus = image.scalars, minus = image.scalars
            plus[pixel] += step
            minus[pixel] -= step
            let difference = (topLogit(plus) - topLogit(minus)) / (2 * step)
            #expect(abs(difference - saliency.scalars[pixel]) <= 1e-6 * largest,
                    "pixel \(pixel): central difference \(difference), tape \(saliency.scalars[pixel])")
        }
        #expect(largest > 0, "a saliency of zeros checks nothing")
    }

    /// The Float saliency the server sends against the Double one: the same up to Float rounding.
    @Test func theFloatSaliencyMatchesTheDoubleOne() {
        let image = Tensor(Self.input.map(Double.init), shape: [1, 28, 28, 1])
        let exact = ModelInsight.saliency(of: Self.doubleModel(), for: image, class: Self.insight.digit).gradient.scalars
        let largest = exact.map(abs).max()!
        let worst = zip(Self.insight.saliency, exact).map { abs(Double($0) - $1) }.max()!
        #expect(worst <= 1e-5 * largest, "largest |saliency| \(largest), worst difference \(worst)")
    }

    @Test func layersAreQuantisedOverTheirRange() {
        let (scale, bytes) = ModelInsightResponse.quantized([-1, -0.3, 0.5, 1])
        #expect(scale == [-1, 1])
        #expect(bytes == [0, 89, 191, 255])  // 0.7 · 127.5 = 89.25, 1.5 · 127.5 = 191.25
        let constant = ModelInsightResponse.quantized([2, 2, 2])
        #expect(constant.scale == [2, 2] && constant.bytes == [0, 0, 0])
    }
}

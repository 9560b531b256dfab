import Testing
import NumSight

/// One convolution configuration, with its output size and leading padding worked out by hand.
struct ConvolutionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var inputShape: [Int]
    var filterShape: [Int]
    var strides = (1, 1)
    var padding = Padding.valid
    var dilations = (1, 1)
    /// (height, width) of the output.
    var outputSize: (Int, Int)
    /// Zero rows above and zero columns left of the image.
    var leadingPadding = (0, 0)

    var testDescription: String { name }
}

@Suite struct ConvolutionTests {
    static let cases: [ConvolutionCase] = [
        // ⌊(5 − 3) / 1⌋ + 1 = 3.
        ConvolutionCase(name: "valid 3×3 on 5×5", inputShape: [1, 5, 5, 1], filterShape: [3, 3, 1, 1],
                        outputSize: (3, 3)),
        // Same keeps 5×6; the total padding 2 splits 1 before, 1 after.
        ConvolutionCase(name: "same 3×3, batch 2, 2→3 channels", inputShape: [2, 5, 6, 2],
                        filterShape: [3, 3, 2, 3], padding: .same, outputSize: (5, 6), leadingPadding: (1, 1)),
        // Even kernel: total padding 1 goes after (bottom, right), none before.
        ConvolutionCase(name: "same 2×2 (odd total padding)", inputShape: [1, 6, 6, 1], filterShape: [2, 2, 1, 2],
                        padding: .same, outputSize: (6, 6), leadingPadding: (0, 0)),
        // ⌈7 / 2⌉ = 4; total padding (4 − 1)·2 + 3 − 7 = 2 → 1 before.
        ConvolutionCase(name: "same 3×3 stride 2 on 7×7", inputShape: [1, 7, 7, 2], filterShape: [3, 3, 2, 2],
                        strides: (2, 2), padding: .same, outputSize: (4, 4), leadingPadding: (1, 1)),
        // ⌈6 / 2⌉ = 3; total padding 2·2 + 3 − 6 = 1 → 0 before.
        ConvolutionCase(name: "same 3×3 stride 2 on 6×6", inputShape: [1, 6, 6, 1], filterShape: [3, 3, 1, 1],
                        strides: (2, 2), padding: .same, outputSize: (3, 3), leadingPadding: (0, 0)),
        // Dilation 2 spans 5: ⌊(7 − 5) / 1⌋ + 1 = 3.
        ConvolutionCase(name: "valid 3×3 dilation 2 on 7×7", inputShape: [1, 7, 7, 2], filterShape: [3, 3, 2, 2],
                        dilations: (2, 2), outputSize: (3, 3)),
        // Same with dilation 2: total padding 4 + 5 − 5 = 4 → 2 before.
        ConvolutionCase(name: "same 3×3 dilation 2 on 5×5", inputShape: [1, 5, 5, 1], filterShape: [3, 3, 1, 1],
                        padding: .same, dilations: (2, 2), outputSize: (5, 5), leadingPadding: (2, 2)),
        // Height 4 + 2 + 0 = 6 → ⌊(6 − 2) / 2⌋ + 1 = 3; width 5 + 1 + 3 = 9 → 9 − 3 + 1 = 7.
        ConvolutionCase(name: "explicit uneven padding, stride (2, 1)", inputShape: [1, 4, 5, 1],
                        filterShape: [2, 3, 1, 1], strides: (2, 1), padding: .explicit(top: 2, bottom: 0, left: 1, right: 3),
                        outputSize: (3, 7), leadingPadding: (2, 1)),
        // ⌊(7 − 2) / 2⌋ + 1 = 3 and ⌊(8 − 2) / 3⌋ + 1 = 3.
        ConvolutionCase(name: "valid 2×2 stride (2, 3)", inputShape: [1, 7, 8, 1], filterShape: [2, 2, 1, 1],
                        strides: (2, 3), outputSize: (3, 3)),
    ]

    /// Small integers, exact in `Float`, that differ from element to element.
    static func pattern(_ count: Int, multiplier: Int, modulus: Int) -> [Double] {
        (0..<count).map { Double(($0 * multiplier + 3) % modulus - modulus / 2) }
    }

    /// The definition, summed out directly: out[n, oy, ox, co] = Σ over ky, kx, ci of
    /// x[n, oy·sh + ky·dh − top, ox·sw + kx·dw − left, ci] · w[ky, kx, ci, co], with x = 0 outside the image.
    static func explicitConvolution(_ input: [Double], _ filter: [Double], _ c: ConvolutionCase) -> [Double] {
        let (batch, height, width, inChannels) = (c.inputShape[0], c.inputShape[1], c.inputShape[2], c.inputShape[3])
        let (kernelHeight, kernelWidth, outChannels) = (c.filterShape[0], c.filterShape[1], c.filterShape[3])
        var output: [Double] = []
        for n in 0..<batch {
            for oy in 0..<c.outputSize.0 {
                for ox in 0..<c.outputSize.1 {
                    for co in 0..<outChannels {
                        var total = 0.0
                        for ky in 0..<kernelHeight {
                            for kx in 0..<kernelWidth {
                                let iy = oy * c.strides.0 + ky * c.dilations.0 - c.leadingPadding.0
                                let ix = ox * c.strides.1 + kx * c.dilations.1 - c.leadingPadding.1
                                guard (0..<height).contains(iy) && (0..<width).contains(ix) else { continue }
                                for ci in 0..<inChannels {
                                    let x = input[((n * height + iy) * width + ix) * inChannels + ci]
                                    let w = filter[((ky * kernelWidth + kx) * inChannels + ci) * outChannels + co]
                                    total += x * w
                                }
                            }
                        }
                        output.append(total)
                    }
                }
            }
        }
        return output
    }

    @Test func aValidConvolutionWorkedByHand() {
        // Image 1…9 (3×3), filter [[1, 2], [3, 4]]:
        // top-left 1·1 + 2·2 + 4·3 + 5·4 = 37, then 47, 67, 77.
        let image = Tensor<Float>([1, 2, 3, 4, 5, 6, 7, 8, 9], shape: [1, 3, 3, 1])
        let filter = Tensor<Float>([1, 2, 3, 4], shape: [2, 2, 1, 1])
        expectTensor(conv2D(image, filter: filter), equals: [37, 47, 67, 77], shape: [1, 2, 2, 1])
    }

    @Test func samePaddingPutsTheOddExtraRowAndColumnAfterTheImage() {
        // 2×2 ones over [[1, 2], [3, 4]] with zeros below and right: [[10, 6], [7, 4]]
        // (zeros above and left would give [[1, 3], [4, 10]]).
        let image = Tensor<Float>([1, 2, 3, 4], shape: [1, 2, 2, 1])
        let filter = Tensor<Float>.ones(shape: [2, 2, 1, 1])
        expectTensor(conv2D(image, filter: filter, padding: .same), equals: [10, 6, 7, 4], shape: [1, 2, 2, 1])
    }

    @Test func biasIsAddedToEveryPositionOfItsChannel() {
        // A 1×1 filter copying one input channel to two outputs, plus bias (10, −10).
        let image = Tensor<Double>([1, 2, 3, 4], shape: [1, 2, 2, 1])
        let filter = Tensor<Double>([1, 1], shape: [1, 1, 1, 2])
        let y = conv2D(image, filter: filter, bias: Tensor([10, -10]))
        expectTensor(y, equals: [11, -9, 12, -8, 13, -7, 14, -6], shape: [1, 2, 2, 2])
    }

    @Test func aOneByOneConvolutionIsAMatrixProductOverChannels() {
        let input = Tensor<Float>(Self.pattern(2 * 3 * 3 * 4, multiplier: 5, modulus: 9).map(Float.init),
                                  shape: [2, 3, 3, 4])
        let filter = Tensor<Float>(Self.pattern(4 * 5, multiplier: 3, modulus: 7).map(Float.init), shape: [1, 1, 4, 5])
        let product = matmul(input.reshaped(to: [-1, 4]), filter.reshaped(to: [4, 5]))
        expectTensor(conv2D(input, filter: filter), equals: product.scalars, shape: [2, 3, 3, 5])
    }

    @Test(arguments: cases)
    func doubleConvolutionMatchesTheExplicitSum(_ c: ConvolutionCase) {
        let input = Self.pattern(c.inputShape.reduce(1, *), multiplier: 5, modulus: 7)
        let filter = Self.pattern(c.filterShape.reduce(1, *), multiplier: 3, modulus: 5)
        let y = conv2D(Tensor(input, shape: c.inputShape), filter: Tensor(filter, shape: c.filterShape),
                       strides: c.strides, padding: c.padding, dilations: c.dilations)
        expectTensor(y, equals: Self.explicitConvolution(input, filter, c),
                     shape: [c.inputShape[0], c.outputSize.0, c.outputSize.1, c.filterShape[3]])
    }

    @Test(arguments: cases)
    func floatConvolutionMatchesTheExplicitSum(_ c: ConvolutionCase) {
        let input = Self.pattern(c.inputShape.reduce(1, *), multiplier: 5, modulus: 7)
        let filter = Self.pattern(c.filterShape.reduce(1, *), multiplier: 3, modulus: 5)
        let y = conv2D(Tensor(input.map(Float.init), shape: c.inputShape),
                       filter: Tensor(filter.map(Float.init), shape: c.filterShape),
                       strides: c.strides, padding: c.padding, dilations: c.dilations)
        expectTensor(y, equals: Self.explicitConvolution(input, filter, c).map(Float.init),
                     shape: [c.inputShape[0], c.outputSize.0, c.outputSize.1, c.filterShape[3]])
    }
}

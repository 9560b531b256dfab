import CNumSightKernels
import CNumSightReferenceKernels
import Testing

extension KernelTests {
    /// Max and average pooling against the naive reference and against numbers worked by hand.
    @Suite struct PoolingTests {
        static func geometry(
            batch: Int, height: Int, width: Int, channels: Int, window: (Int, Int),
            stride: (Int, Int), padding: (top: Int, left: Int, bottom: Int, right: Int) = (0, 0, 0, 0)
        ) -> ns_pooling_geometry {
            ns_pooling_geometry(
                batch: batch, input_height: height, input_width: width, channels: channels,
                output_height: (height + padding.top + padding.bottom - window.0) / stride.0 + 1,
                output_width: (width + padding.left + padding.right - window.1) / stride.1 + 1,
                window_height: window.0, window_width: window.1,
                stride_height: stride.0, stride_width: stride.1,
                padding_top: padding.top, padding_left: padding.left)
        }

        static let geometries = [
            geometry(batch: 3, height: 8, width: 8, channels: 17, window: (2, 2), stride: (2, 2)),
            geometry(batch: 2, height: 7, width: 5, channels: 3, window: (3, 3), stride: (2, 2),
                     padding: (1, 1, 1, 1)),
            geometry(batch: 2, height: 6, width: 7, channels: 1, window: (3, 2), stride: (1, 2),
                     padding: (2, 0, 0, 1)),
            geometry(batch: 1, height: 4, width: 4, channels: 2, window: (1, 1), stride: (1, 1),
                     padding: (1, 1, 1, 1)),
        ]

        static func sizes(_ g: ns_pooling_geometry) -> (input: Int, output: Int) {
            (g.batch * g.input_height * g.input_width * g.channels,
             g.batch * g.output_height * g.output_width * g.channels)
        }

        @Test func maxPoolingMatchesReference() {
            forEachConfiguration { configuration in
                for var g in Self.geometries {
                    let size = Self.sizes(g)
                    let input = randomFloats(size.input, seed: 1)
                    var output = [Float](repeating: .nan, count: size.output), expected = output
                    var argmax = [Int](repeating: -7, count: size.output), expectedArgmax = argmax
                    ns_max_pool2d_forward(&g, input, &output, &argmax)
                    ns_reference_max_pool2d_forward(&g, input, &expected, &expectedArgmax)
                    #expect(output == expected, "\(g), \(configuration)")
                    #expect(argmax == expectedArgmax, "\(g), \(configuration)")

                    let gradient = randomFloats(size.output, seed: 2)
                    var inputGradient = [Float](repeating: .nan, count: size.input)
                    var expectedGradient = [Float](repeating: 0, count: size.input)
                    for (index, position) in expectedArgmax.enumerated() where position >= 0 {
                        expectedGradient[position] += gradient[index]
                    }
                    ns_max_pool2d_backward(&g, gradient, argmax, &inputGradient)
                    expectClose(inputGradient, expectedGradient, tolerance: 1e-6, "\(g), \(configuration)")
                }
            }
        }

        @Test func averagePoolingMatchesReference() {
            forEachConfiguration { configuration in
                for var g in Self.geometries {
                    let size = Self.sizes(g)
                    let input = randomFloats(size.input, seed: 1), gradient = randomFloats(size.output, seed: 2)
                    var output = [Float](repeating: .nan, count: size.output), expected = output
                    ns_avg_pool2d_forward(&g, input, &output)
                    ns_reference_avg_pool2d_forward(&g, input, &expected)
                    expectClose(output, expected, tolerance: 1e-6, "forward \(g), \(configuration)")
                    var inputGradient = [Float](repeating: .nan, count: size.input), expectedGradient = inputGradient
                    ns_avg_pool2d_backward(&g, gradient, &inputGradient)
                    ns_reference_avg_pool2d_backward(&g, gradient, &expectedGradient)
                    expectClose(inputGradient, expectedGradient, tolerance: 1e-6, "backward \(g), \(configuration)")
                }
            }
        }

        /// A 3x3 image of 1 ... 9, one channel, 2x2 windows with stride 1.
        @Test func poolsTwoByTwoWindowsByHand() {
            var g = Self.geometry(batch: 1, height: 3, width: 3, channels: 1, window: (2, 2), stride: (1, 1))
            let image: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
            var maximum = [Float](repeating: 0, count: 4), argmax = [Int](repeating: 0, count: 4)
            ns_max_pool2d_forward(&g, image, &maximum, &argmax)
            #expect(maximum == [5, 6, 8, 9])
            #expect(argmax == [4, 5, 7, 8])
            var mean = [Float](repeating: 0, count: 4)
            ns_avg_pool2d_forward(&g, image, &mean)
            #expect(mean == [3, 4, 6, 7])
            var gradient = [Float](repeating: 0, count: 9)
            ns_avg_pool2d_backward(&g, [4, 4, 4, 4], &gradient)
            #expect(gradient == [1, 2, 1, 2, 4, 2, 1, 2, 1])
        }

        /// Ties go to the first tap of the window, for every channel of a wide vector.
        @Test func tiesKeepTheFirstTap() {
            forEachConfiguration { configuration in
                var g = Self.geometry(batch: 2, height: 4, width: 4, channels: 37, window: (2, 2), stride: (2, 2))
                let size = Self.sizes(g)
                let input = (0..<size.input).map { Float($0 / (2 * 4 * 37)) }  // constant over each window
                var output = [Float](repeating: .nan, count: size.output), expected = output
                var argmax = [Int](repeating: -7, count: size.output), expectedArgmax = argmax
                ns_max_pool2d_forward(&g, input, &output, &argmax)
                ns_reference_max_pool2d_forward(&g, input, &expected, &expectedArgmax)
                #expect(output == expected, "\(configuration)")
                #expect(argmax == expectedArgmax, "\(configuration)")
            }
        }

        /// Padding counts for nothing: with 3x3 windows, stride 3 and padding 1 on a 2x2 image
        /// of [-4, -3, -2, -1], the one window sees only the four pixels.
        @Test func ignoresPaddingByHand() {
            var g = Self.geometry(batch: 1, height: 2, width: 2, channels: 1, window: (3, 3), stride: (3, 3),
                                  padding: (1, 1, 0, 0))
            var maximum: [Float] = [0], argmax = [0], mean: [Float] = [0]
            ns_max_pool2d_forward(&g, [-4, -3, -2, -1], &maximum, &argmax)
            ns_avg_pool2d_forward(&g, [-4, -3, -2, -1], &mean)
            #expect(maximum == [-1])
            #expect(argmax == [3])
            #expect(mean == [-2.5])
        }
    }
}

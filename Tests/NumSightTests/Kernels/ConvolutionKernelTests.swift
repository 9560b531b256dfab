import CNumSightKernels
import CNumSightReferenceKernels
import Testing

extension KernelTests {
    /// The three convolution passes against the naive reference, on every path and thread count.
    @Suite struct ConvolutionTests {
        /// A geometry whose output size follows from the padding on all four sides.
        static func geometry(
            batch: Int, height: Int, width: Int, inputChannels: Int, outputChannels: Int,
            kernel: (Int, Int), stride: (Int, Int) = (1, 1), dilation: (Int, Int) = (1, 1),
            padding: (top: Int, left: Int, bottom: Int, right: Int) = (0, 0, 0, 0)
        ) -> ns_convolution_geometry {
            let spanHeight = (kernel.0 - 1) * dilation.0 + 1, spanWidth = (kernel.1 - 1) * dilation.1 + 1
            return ns_convolution_geometry(
                batch: batch, input_height: height, input_width: width, input_channels: inputChannels,
                output_height: (height + padding.top + padding.bottom - spanHeight) / stride.0 + 1,
                output_width: (width + padding.left + padding.right - spanWidth) / stride.1 + 1,
                output_channels: outputChannels, kernel_height: kernel.0, kernel_width: kernel.1,
                stride_height: stride.0, stride_width: stride.1,
                padding_top: padding.top, padding_left: padding.left,
                dilation_height: dilation.0, dilation_width: dilation.1)
        }

        static let geometries = [
            geometry(batch: 3, height: 6, width: 5, inputChannels: 1, outputChannels: 32,
                     kernel: (3, 3), padding: (1, 1, 1, 1)),
            geometry(batch: 2, height: 10, width: 9, inputChannels: 1, outputChannels: 33,
                     kernel: (3, 3), stride: (2, 2), padding: (1, 1, 1, 1)),
            geometry(batch: 2, height: 7, width: 7, inputChannels: 2, outputChannels: 7,
                     kernel: (5, 5), padding: (2, 2, 2, 2)),
            geometry(batch: 3, height: 7, width: 6, inputChannels: 3, outputChannels: 5,
                     kernel: (3, 3), stride: (2, 2), padding: (1, 1, 1, 1)),
            geometry(batch: 2, height: 9, width: 9, inputChannels: 4, outputChannels: 3,
                     kernel: (3, 3), dilation: (2, 2), padding: (2, 2, 2, 2)),
            geometry(batch: 1, height: 6, width: 8, inputChannels: 4, outputChannels: 7,
                     kernel: (2, 3)),
            geometry(batch: 2, height: 5, width: 7, inputChannels: 3, outputChannels: 2,
                     kernel: (3, 2), stride: (1, 2), padding: (2, 0, 0, 1)),
            geometry(batch: 2, height: 4, width: 4, inputChannels: 5, outputChannels: 6,
                     kernel: (1, 1)),
            geometry(batch: 2, height: 5, width: 5, inputChannels: 6, outputChannels: 4,
                     kernel: (1, 1), stride: (2, 2)),
            geometry(batch: 1, height: 3, width: 3, inputChannels: 2, outputChannels: 3,
                     kernel: (5, 5), padding: (2, 2, 2, 2)),
            geometry(batch: 5, height: 8, width: 8, inputChannels: 8, outputChannels: 16,
                     kernel: (3, 3), padding: (1, 1, 1, 1)),
            geometry(batch: 3, height: 5, width: 5, inputChannels: 1, outputChannels: 4,
                     kernel: (2, 2), stride: (1, 1), dilation: (2, 1), padding: (0, 1, 1, 0)),
            // Few input channels, 3-wide kernel rows: the direct kernels' register-blocked
            // input gradient, with two blocks of output channels and with dilated rows.
            geometry(batch: 2, height: 11, width: 13, inputChannels: 3, outputChannels: 40,
                     kernel: (3, 3), padding: (1, 1, 1, 1)),
            geometry(batch: 3, height: 9, width: 10, inputChannels: 2, outputChannels: 16,
                     kernel: (3, 3), dilation: (2, 1), padding: (2, 1, 2, 1)),
        ]

        static func describe(_ g: ns_convolution_geometry) -> String {
            "\(g.batch)x\(g.input_height)x\(g.input_width)x\(g.input_channels) -> \(g.output_channels), "
                + "kernel \(g.kernel_height)x\(g.kernel_width), stride \(g.stride_height),\(g.stride_width), "
                + "dilation \(g.dilation_height),\(g.dilation_width), padding \(g.padding_top),\(g.padding_left)"
        }

        /// The input, filter and output-gradient sizes of `g`.
        static func sizes(_ g: ns_convolution_geometry) -> (input: Int, filter: Int, output: Int) {
            (g.batch * g.input_height * g.input_width * g.input_channels,
             g.kernel_height * g.kernel_width * g.input_channels * g.output_channels,
             g.batch * g.output_height * g.output_width * g.output_channels)
        }

        @Test func forwardMatchesReference() {
            forEachConfiguration { configuration in
                for var g in Self.geometries {
                    let size = Self.sizes(g)
                    let input = randomFloats(size.input, seed: 1), filter = randomFloats(size.filter, seed: 2)
                    var observed = [Float](repeating: .nan, count: size.output)
                    var expected = observed
                    ns_conv2d_forward(&g, input, filter, &observed)
                    ns_reference_conv2d_forward(&g, input, filter, &expected)
                    expectClose(observed, expected, tolerance: 1e-4, "\(Self.describe(g)), \(configuration)")
                }
            }
        }

        @Test func backwardInputMatchesReference() {
            forEachConfiguration { configuration in
                for var g in Self.geometries {
                    let size = Self.sizes(g)
                    let gradient = randomFloats(size.output, seed: 3), filter = randomFloats(size.filter, seed: 2)
                    var observed = [Float](repeating: .nan, count: size.input)
                    var expected = observed
                    ns_conv2d_backward_input(&g, gradient, filter, &observed)
                    ns_reference_conv2d_backward_input(&g, gradient, filter, &expected)
                    expectClose(observed, expected, tolerance: 1e-4, "\(Self.describe(g)), \(configuration)")
                }
            }
        }

        @Test func backwardFilterMatchesReference() {
            forEachConfiguration { configuration in
                for var g in Self.geometries {
                    let size = Self.sizes(g)
                    let input = randomFloats(size.input, seed: 1), gradient = randomFloats(size.output, seed: 3)
                    var observed = [Float](repeating: .nan, count: size.filter)
                    var expected = observed
                    ns_conv2d_backward_filter(&g, input, gradient, &observed)
                    ns_reference_conv2d_backward_filter(&g, input, gradient, &expected)
                    expectClose(observed, expected, tolerance: 1e-4, "\(Self.describe(g)), \(configuration)")
                }
            }
        }

        /// A 3x3 image of 1 ... 9 and a 2x2 filter of ones, worked out by hand.
        @Test func sumsWindowsOfOnesByHand() {
            forEachConfiguration { configuration in
                var g = Self.geometry(batch: 1, height: 3, width: 3, inputChannels: 1, outputChannels: 1,
                                      kernel: (2, 2))
                let image: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9], ones: [Float] = [1, 1, 1, 1]
                var output = [Float](repeating: 0, count: 4)
                ns_conv2d_forward(&g, image, ones, &output)
                #expect(output == [12, 16, 24, 28], "\(configuration)")
                var inputGradient = [Float](repeating: 0, count: 9)
                ns_conv2d_backward_input(&g, ones, ones, &inputGradient)
                #expect(inputGradient == [1, 2, 1, 2, 4, 2, 1, 2, 1], "\(configuration)")
                var filterGradient = [Float](repeating: 0, count: 4)
                ns_conv2d_backward_filter(&g, image, ones, &filterGradient)
                #expect(filterGradient == [12, 16, 24, 28], "\(configuration)")
            }
        }

        @Test func givesBitIdenticalFilterGradientsOnEveryRun() {
            forEachConfiguration { configuration in
                var g = Self.geometries[10]
                let size = Self.sizes(g)
                let input = randomFloats(size.input, seed: 1), gradient = randomFloats(size.output, seed: 3)
                var first = [Float](repeating: 0, count: size.filter), second = first
                ns_conv2d_backward_filter(&g, input, gradient, &first)
                ns_conv2d_backward_filter(&g, input, gradient, &second)
                #expect(first == second, "\(configuration)")
            }
        }
    }
}

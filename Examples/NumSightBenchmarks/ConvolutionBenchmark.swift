import CNumSightKernels

/// The three passes of the seed CNN's convolutions (3x3, padding 1, stride 1, batch 128)
/// on two threads, in GFLOP/s counted as 2 * N * OH * OW * OC * KH * KW * IC.
struct ConvolutionBenchmark: BenchmarkSection {
    /// (name, input side, input channels, output channels)
    let layers = [("conv1", 28, 1, 32), ("conv2", 14, 32, 64), ("conv3", 7, 64, 96)]

    func run() {
        let saved = ns_thread_count()
        defer { ns_set_thread_count(saved) }
        ns_set_thread_count(2)
        for (name, side, inputChannels, outputChannels) in layers {
            var geometry = ns_convolution_geometry(
                batch: 128, input_height: side, input_width: side, input_channels: inputChannels,
                output_height: side, output_width: side, output_channels: outputChannels,
                kernel_height: 3, kernel_width: 3, stride_height: 1, stride_width: 1,
                padding_top: 1, padding_left: 1, dilation_height: 1, dilation_width: 1)
            let input = randomValues(128 * side * side * inputChannels, seed: 1)
            let filter = randomValues(9 * inputChannels * outputChannels, seed: 2)
            let outputGradient = randomValues(128 * side * side * outputChannels, seed: 3)
            var output = [Float](repeating: 0, count: outputGradient.count)
            var inputGradient = [Float](repeating: 0, count: input.count)
            var filterGradient = [Float](repeating: 0, count: filter.count)
            let flops = 2.0 * Double(128 * side * side * outputChannels * 9 * inputChannels)
            let count = repetitions(flops: flops)

            let forward = medianSeconds(repetitions: count) {
                ns_conv2d_forward(&geometry, input, filter, &output)
            }
            let backwardInput = medianSeconds(repetitions: count) {
                ns_conv2d_backward_input(&geometry, outputGradient, filter, &inputGradient)
            }
            let backwardFilter = medianSeconds(repetitions: count) {
                ns_conv2d_backward_filter(&geometry, input, outputGradient, &filterGradient)
            }
            report("\(name).forward.threads2", flops / forward / 1e9, "GFLOP/s")
            report("\(name).backward_input.threads2", flops / backwardInput / 1e9, "GFLOP/s")
            report("\(name).backward_filter.threads2", flops / backwardFilter / 1e9, "GFLOP/s")
        }
    }
}

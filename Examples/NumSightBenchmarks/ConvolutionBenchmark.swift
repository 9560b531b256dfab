import CNumSightKernels

/// The three passes of the seed CNN's convolutions (3x3, padding 1, stride 1, batch 128)
/// on one and two threads, in GFLOP/s counted as 2 * N * OH * OW * OC * KH * KW * IC, and as a
/// fraction of the measured peak of the same thread count.
struct ConvolutionBenchmark: BenchmarkSection {
    /// A square input `side` pixels wide, mapped to the same size with more channels.
    struct Layer {
        var name: String
        var side: Int
        var inputChannels: Int
        var outputChannels: Int
    }

    let layers = [
        Layer(name: "conv1", side: 28, inputChannels: 1, outputChannels: 32),
        Layer(name: "conv2", side: 14, inputChannels: 32, outputChannels: 64),
        Layer(name: "conv3", side: 7, inputChannels: 64, outputChannels: 96),
    ]
    let batch = 128

    func run() {
        let saved = ns_thread_count()
        defer { ns_set_thread_count(saved) }
        for threads in [1, 2] {
            let peak = PeakThroughputBenchmark.peakGFLOPS(threads: threads)
            ns_set_thread_count(threads)
            for layer in layers {
                measure(layer, threads: threads, peak: peak)
            }
        }
    }

    func measure(_ layer: Layer, threads: Int, peak: Double) {
        var geometry = ns_convolution_geometry(
            batch: batch, input_height: layer.side, input_width: layer.side,
            input_channels: layer.inputChannels, output_height: layer.side, output_width: layer.side,
            output_channels: layer.outputChannels, kernel_height: 3, kernel_width: 3,
            stride_height: 1, stride_width: 1, padding_top: 1, padding_left: 1,
            dilation_height: 1, dilation_width: 1)
        let pixels = batch * layer.side * layer.side
        let input = randomValues(pixels * layer.inputChannels, seed: 1)
        let filter = randomValues(9 * layer.inputChannels * layer.outputChannels, seed: 2)
        let outputGradient = randomValues(pixels * layer.outputChannels, seed: 3)
        var output = [Float](repeating: 0, count: outputGradient.count)
        var inputGradient = [Float](repeating: 0, count: input.count)
        var filterGradient = [Float](repeating: 0, count: filter.count)
        let flops = 2.0 * Double(pixels * layer.outputChannels * 9 * layer.inputChannels)
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
        for (pass, seconds) in [("forward", forward), ("backward_input", backwardInput),
                                ("backward_filter", backwardFilter)] {
            let name = "\(layer.name).\(pass).threads\(threads)", rate = flops / seconds / 1e9
            report(name, rate, "GFLOP/s")
            report("\(name).of_peak", rate / peak, "fraction")
        }
    }
}

import MNIST
import NumSight

/// The seed CNN end to end: training throughput (forward, backward and an Adam
/// step on batches of 128), how close it comes to the machine's limit, and where
/// one step's time goes.
struct TrainingBenchmark: BenchmarkSection {
    let batchSize = 128

    func run() {
        KernelConfiguration.keepFreedMemory()
        let model = withRandomSeed(1) { SeedCNN.makeModel() }
        let optimizer = Adam<Float>()
        var generator = SeededRandomNumberGenerator(seed: 2)
        let images = Tensor<Float>.randomUniform(shape: [batchSize] + SeedCNN.inputShape, using: &generator)
        let labels = (0..<batchSize).map { $0 % 10 }
        var gradients: [String: Tensor<Float>] = [:]
        let step = medianSeconds(repetitions: 15) {
            (_, gradients) = valueWithGradients(of: model) { model in
                withTrainingMode { softmaxCrossEntropy(logits: model(images), labels: labels) }
            }
            optimizer.update(model, along: gradients)
        }
        report("train.step.batch\(batchSize)", step * 1e3, "ms")
        report("train.throughput", Double(batchSize) / step, "images/s")
        report("train.epoch54000", 54_000 / (Double(batchSize) / step), "s")
        let flops = TrainingWork.flopsPerImage(of: model, inputShape: SeedCNN.inputShape)
        let peak = PeakThroughputBenchmark.peakGFLOPS(threads: KernelConfiguration.threadCount) * 1e9
        report("train.flops_per_image", flops / 1e6, "MFLOP")
        report("train.fraction_of_limit", Double(batchSize) / step / (peak / flops), "fraction")

        let update = medianSeconds(repetitions: 15) { optimizer.update(model, along: gradients) }
        reportBreakdown(of: model, images: images, labels: labels, step: step, update: update)
    }

    /// Prints `train.breakdown.<op>` lines: the forward and backward time of each kind of
    /// op in one training step, summed over the model's layers, each op timed alone on the
    /// activations the step gives it; `other` is what the step spends beyond them.
    private func reportBreakdown(
        of model: Sequential<Float>, images: Tensor<Float>, labels: [Int], step: Double, update: Double
    ) {
        var forward: [String: Double] = [:], backward: [String: Double] = [:]
        var kinds: [String] = []
        /// Times `op` on `inputs`, alone and followed by its backward pass to those of them that
        /// require a gradient (each run on fresh leaves, as in a step); returns its output, detached.
        func time(
            _ kind: String, _ inputs: [Tensor<Float>], _ op: ([Tensor<Float>]) -> Tensor<Float>
        ) -> Tensor<Float> {
            if !kinds.contains(kind) { kinds.append(kind) }
            let output = withTrainingMode { op(inputs) }
            var generator = SeededRandomNumberGenerator(seed: 3)
            let seed = Tensor<Float>.randomNormal(shape: output.shape, using: &generator)
            let forwardTime = medianSeconds(repetitions: 11) { _ = withTrainingMode { op(inputs) } }
            let bothTime = medianSeconds(repetitions: 11) {
                let leaves = inputs.map { $0.requiresGradient ? $0.detached().requiringGradient() : $0 }
                let output = withTrainingMode { op(leaves) }
                if output.requiresGradient { output.backward(seed: seed) }
            }
            forward[kind, default: 0] += forwardTime
            backward[kind, default: 0] += Swift.max(bothTime - forwardTime, 0)
            return output.detached()
        }
        var x = images
        var skipsReLU = false
        for (index, layer) in model.layers.enumerated() {
            if skipsReLU {
                skipsReLU = false
                continue
            }
            switch layer {
            case let conv as Conv2D<Float>:
                // The bias is added in the convolution's own op, on its fresh output.
                let weight = conv.weight.value.requiringGradient()
                x = time("conv", [x, weight] + (conv.bias.map { [$0.value.requiringGradient()] } ?? [])) {
                    conv2D($0[0], filter: $0[1], bias: $0.count > 2 ? $0[2] : nil, strides: conv.strides,
                           padding: conv.padding, dilations: conv.dilations)
                }
            case let norm as BatchNorm<Float>:
                // Sequential runs a batch norm followed by a ReLU as one op.
                var mean = norm.runningMean.value, variance = norm.runningVariance.value
                let inputs = [x, norm.scale.value.requiringGradient(), norm.offset.value.requiringGradient()]
                let next = model.layers.dropFirst(index + 1).first as? Activation<Float>
                skipsReLU = next?.name == "relu"
                let (momentum, epsilon) = (norm.momentum, norm.epsilon)
                if skipsReLU {
                    x = time("batch_norm_relu", inputs) {
                        batchNormalizedReLU($0[0], scale: $0[1], offset: $0[2], runningMean: &mean,
                                            runningVariance: &variance, momentum: momentum, epsilon: epsilon,
                                            isTraining: true)
                    }
                } else {
                    x = time("batch_norm", inputs) {
                        batchNormalized($0[0], scale: $0[1], offset: $0[2], runningMean: &mean,
                                        runningVariance: &variance, momentum: momentum, epsilon: epsilon,
                                        isTraining: true)
                    }
                }
            case let activation as Activation<Float>:
                x = time(activation.name, [x]) { activation($0[0]) }
            case let pool as MaxPool2D<Float>:
                x = time("max_pool", [x]) { pool($0[0]) }
            case let drop as Dropout<Float>:
                x = time("dropout", [x]) { drop($0[0]) }
            case let dense as Dense<Float>:
                x = time("dense", [x, dense.weight.value.requiringGradient()]) { matmul($0[0], $0[1]) }
                if let bias = dense.bias { x = time("bias", [x, bias.value.requiringGradient()]) { $0[0] + $0[1] } }
                // The seed CNN's dense activations are a ReLU and the identity.
                x = time("relu", [x]) { dense.activation($0[0]) }
            default:
                x = time("reshape", [x]) { layer($0[0]) }
            }
            x = x.requiringGradient()
        }
        _ = time("loss", [x]) { softmaxCrossEntropy(logits: $0[0], labels: labels) }
        var total = update
        for kind in kinds {
            let (forwardTime, backwardTime) = (forward[kind] ?? 0, backward[kind] ?? 0)
            report("train.breakdown.\(kind).forward", forwardTime * 1e3, "ms")
            report("train.breakdown.\(kind).backward", backwardTime * 1e3, "ms")
            total += forwardTime + backwardTime
        }
        report("train.breakdown.adam_update", update * 1e3, "ms")
        report("train.breakdown.other", (step - total) * 1e3, "ms")
    }
}

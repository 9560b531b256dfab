import DocumentationTestSupport
import Foundation
import Testing
import NumSight

// The code samples of README.md and the guides in Documentation/, run as tests. Each
// sample's body lies between `// sample: NAME` and `// end sample`, and must match the
// code block after `<!-- sample: NAME -->` in the Markdown (SamplesMatchTests checks);
// what it prints must match the block after `<!-- output: NAME -->` (each test checks).

// sample: layer-basic-block
/// Two 3×3 convolutions with batch normalisation, added back to their input: the
/// basic block of a residual network (He et al., "Deep Residual Learning", 2015).
///
/// - Input and output: `[batch, height, width, channels]`.
final class BasicBlock: Layer {
    let conv1: Conv2D<Float>
    let norm1: BatchNorm<Float>
    let conv2: Conv2D<Float>
    let norm2: BatchNorm<Float>

    init(channels: Int) {
        conv1 = Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: (3, 3),
                       padding: .same, useBias: false)
        norm1 = BatchNorm(featureCount: channels, momentum: 0.9)
        conv2 = Conv2D(inputChannels: channels, outputChannels: channels, kernelSize: (3, 3),
                       padding: .same, useBias: false)
        norm2 = BatchNorm(featureCount: channels, momentum: 0.9)
    }

    func callAsFunction(_ input: Tensor<Float>) -> Tensor<Float> {
        let residual = norm2(conv2(relu(norm1(conv1(input)))))
        return relu(input + residual)
    }
}
// end sample

/// Collects what a sample prints: inside these suites, `print` means this method.
final class PrintedLines: @unchecked Sendable {
    var lines: [String] = []
}
extension Documentation {
    @Suite struct GuideSamples {
        let printed = PrintedLines()

        func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
            printed.lines.append(items.map { String(describing: $0) }.joined(separator: separator))
        }

        // MARK: README.md

        @Test func firstGradient() {
            // sample: first-gradient
            let x = Tensor<Double>([1, 2, 3]).requiringGradient()
            let y = (x * x).sum()          // y = Σ x²
            y.backward()
            print(y.scalar)                // 14.0
            print(x.gradient!.scalars)     // [2.0, 4.0, 6.0]
            // end sample
            #expect(printed.lines == ["14.0", "[2.0, 4.0, 6.0]"])
        }

        @Test func xor() {
            // sample: xor
            let inputs = Tensor<Float>([0, 0, 0, 1, 1, 0, 1, 1], shape: [4, 2])
            let labels = [0, 1, 1, 0]                                   // XOR
            let model = withRandomSeed(3) {
                Sequential<Float>([Dense(inputSize: 2, outputSize: 8, activation: tanh), Dense(inputSize: 8, outputSize: 2)])
            }
            let optimizer = Adam<Float>(learningRate: 0.05)
            for step in 1...300 {
                let (loss, gradients) = valueWithGradients(of: model) { softmaxCrossEntropy(logits: $0(inputs), labels: labels) }
                optimizer.update(model, along: gradients)
                if step % 100 == 0 { print("step \(step): loss \(loss.scalar)") }
            }
            print(model(inputs).argmax(alongAxis: 1).scalars)
            // end sample
            #expect(printed.lines.last == "[0.0, 1.0, 1.0, 0.0]")
            GuideText.expectOutput(printed.lines, of: "xor", isOptional: true)
        }

        // MARK: HowTheTapeWorks.md

        @Test func tapeRecording() {
            // sample: tape-recording
            var x = Tensor<Double>([1, 2, 3])
            x.requiresGradient = true                  // a leaf of the graph
            let y = x * x + 1                          // two recorded nodes: multiply, then add
            let constant = Tensor<Double>([4, 5, 6]) * 2
            print(y.requiresGradient, constant.requiresGradient)
            // end sample
            #expect(y.requiresGradient && !constant.requiresGradient)
            GuideText.expectOutput(printed.lines, of: "tape-recording")
        }

        @Test func tapeReuse() {
            // sample: tape-reuse
            let x = Tensor<Double>([3]).requiringGradient()
            let y = x * x + x              // x is used three times
            y.backward()
            print(x.gradient!.scalars)     // 2x + 1
            // end sample
            #expect(x.gradient!.scalars == [7])
            GuideText.expectOutput(printed.lines, of: "tape-reuse")
        }

        @Test func tapeBroadcasting() {
            // sample: tape-broadcasting
            let weights = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3]).requiringGradient()
            let scale = Tensor<Double>(2).requiringGradient()
            let bias = Tensor<Double>([10, 20, 30]).requiringGradient()
            let output = (weights * scale + bias).sum()   // scale and bias are broadcast to [2, 3]
            output.backward()
            print(weights.gradient!.scalars)
            print(scale.gradient!.shape, scale.gradient!.scalars)
            print(bias.gradient!.shape, bias.gradient!.scalars)
            // end sample
            #expect(scale.gradient!.scalars == [21] && bias.gradient!.scalars == [2, 2, 2])
            GuideText.expectOutput(printed.lines, of: "tape-broadcasting")
        }

        @Test func tapeDeepGraph() {
            // sample: tape-deep-graph
            let x = Tensor<Float>([1]).requiringGradient()
            var y = x
            for _ in 0..<120_000 { y = y + 1 }     // a chain of 120,000 nodes
            y.backward()
            print(y.scalars, x.gradient!.scalars)
            // end sample
            #expect(x.gradient!.scalars == [1])
            GuideText.expectOutput(printed.lines, of: "tape-deep-graph")
        }

        @Test func tapeRetainingGraph() {
            // sample: tape-retaining-graph
            let x = Tensor<Double>([2]).requiringGradient()
            let y = x * x * x
            y.backward(retainingGraph: true)
            print(x.gradient!.scalars)     // 3x² = 12
            y.backward()                   // the pullbacks are still there; the gradient adds up
            print(x.gradient!.scalars)
            // end sample
            #expect(x.gradient!.scalars == [24])
            GuideText.expectOutput(printed.lines, of: "tape-retaining-graph")
        }

        @Test func tapeWithoutGradients() {
            // sample: tape-without-gradients
            let x = Tensor<Double>([1, 2]).requiringGradient()
            let y = withoutGradients { x * x }
            print(y.requiresGradient, y.scalars)
            // end sample
            #expect(!y.requiresGradient)
            GuideText.expectOutput(printed.lines, of: "tape-without-gradients")
        }

        @Test func tapeDetached() {
            // sample: tape-detached
            let x = Tensor<Double>([3]).requiringGradient()
            let y = x * x.detached()       // the second factor is a constant
            y.backward()
            print(x.gradient!.scalars)     // x, not 2x
            // end sample
            #expect(x.gradient!.scalars == [3])
            GuideText.expectOutput(printed.lines, of: "tape-detached")
        }

        @Test func tapeCreatingGraph() {
            // sample: tape-creating-graph
            let x = Tensor<Double>([3]).requiringGradient()
            let y = x * x * x
            let first = gradients(of: y, withRespectTo: [x], creatingGraph: true)[0]   // 3x², itself recorded
            let second = gradients(of: first, withRespectTo: [x])[0]                    // 6x
            print(first.scalars, second.scalars)
            // end sample
            #expect(first.scalars == [27] && second.scalars == [18])
            GuideText.expectOutput(printed.lines, of: "tape-creating-graph")
        }

        @Test func tapeNestedDifferentiation() {
            // sample: tape-nested
            let secondDerivative = gradient(at: Tensor<Double>(3)) { x in
                gradient(at: x) { x in x * x * x }     // 3x², recorded: it runs inside another differentiation
            }
            print(secondDerivative.scalar)             // 6x
            // end sample
            #expect(secondDerivative.scalar == 18)
            GuideText.expectOutput(printed.lines, of: "tape-nested")
        }

        // MARK: AddingAnOp.md

        @Test func logSumExpValuesAndGradient() {
            // sample: op-log-sum-exp
            let logits = Tensor<Double>([1, 2, 3])
            print(logits.logSumExp().scalar)                       // log(e¹ + e² + e³)
            print(Tensor<Float>([1000, 1000]).logSumExp().scalar)  // 1000 + log 2, without overflow
            let x = logits.requiringGradient()
            x.logSumExp().backward()
            print(x.gradient!.scalars)                             // the softmax of the logits
            print(softmax(logits).scalars)
            // end sample
            #expect(abs(x.gradient!.scalars[2] - softmax(logits).scalars[2]) < 1e-15)
            GuideText.expectOutput(printed.lines, of: "op-log-sum-exp")
        }

        @Test func userDefinedOperation() {
            // sample: op-user-defined
            /// x³, recorded as one node; its pullback, 3x² · gradient, is written with ops,
            /// so the operation can be differentiated twice.
            func cube<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
                Tensor.recordingOperation(named: "cube", value: withoutGradients { x * x * x }, inputs: [x]) { gradient in
                    [3 * x * x * gradient]
                }
            }

            let x = Tensor<Double>([-1, 0.5, 2])
            print(gradient(at: x) { cube($0).sum() }.scalars)
            let first = GradientChecker.checkGradients(at: [x]) { cube($0[0]) }
            let second = GradientChecker.checkSecondOrderGradients(at: [x]) { cube($0[0]) }
            print(first.passes(), second.passes())
            // end sample
            #expect(first.passes() && second.passes())
            GuideText.expectOutput(printed.lines, of: "op-user-defined")
        }

        @Test func gradientCheckCatchesAWrongPullback() {
            // sample: op-wrong-pullback
            func wrongCube(_ x: Tensor<Double>) -> Tensor<Double> {
                Tensor.recordingOperation(named: "cube", value: withoutGradients { x * x * x }, inputs: [x]) { gradient in
                    [2 * x * x * gradient]     // should be 3x²
                }
            }

            let report = GradientChecker.checkGradients(at: [Tensor([-1, 0.5, 2])]) { wrongCube($0[0]) }
            print(report.passes(), String(format: "%.4f", report.inputs[0].worstRelativeError))
            // end sample
            #expect(!report.passes())
            GuideText.expectOutput(printed.lines, of: "op-wrong-pullback")
        }

        // MARK: WritingALayer.md

        @Test func layerParametersAndSummary() {
            // sample: layer-names
            let model = withRandomSeed(1) {
                Sequential<Float>([
                    Conv2D(inputChannels: 1, outputChannels: 4, kernelSize: (3, 3), padding: .same, activation: relu),
                    BasicBlock(channels: 4),
                    BasicBlock(channels: 4),
                    GlobalAveragePool2D(),
                    Dense(inputSize: 4, outputSize: 2),
                ])
            }
            for (name, parameter) in model.namedParameters where name.hasPrefix("layers.1.") {
                print(name, parameter.value.shape)
            }
            print(model.namedBuffers.map(\.name).prefix(2))
            print(model.summary(inputShape: [1, 8, 8, 1]))
            // end sample
            #expect(model.namedParameters.count == 16)
            GuideText.expectOutput(printed.lines, of: "layer-names")
        }

        @Test func layerTrainingMode() {
            // sample: layer-training-mode
            let block = withRandomSeed(2) { BasicBlock(channels: 2) }
            let images = Tensor<Float>.range(from: 0, to: 100).reshaped(to: [2, 5, 5, 2]) / 100
            _ = block(images)                       // inference mode: running statistics are used, not changed
            print(block.norm1.runningMean.value.scalars)
            _ = withTrainingMode { block(images) }  // training mode: batch statistics, running ones updated
            print(block.norm1.runningMean.value.scalars)
            // end sample
            #expect(block.norm1.runningMean.value.scalars != [0, 0])
            GuideText.expectOutput(printed.lines, of: "layer-training-mode")
        }

        @Test func layerTraining() {
            // sample: layer-training
            // 8×8 images: class 0 is bright in its top half, class 1 in its bottom half.
            var generator = SeededRandomNumberGenerator(seed: 5)
            let labels = (0..<32).map { $0 % 2 }
            var pixels = Tensor<Float>.randomUniform(shape: [32, 8, 8, 1], in: 0..<0.3, using: &generator).scalars
            for (example, label) in labels.enumerated() {
                for row in label == 0 ? 0..<4 : 4..<8 {
                    for column in 0..<8 { pixels[example * 64 + row * 8 + column] += 0.7 }
                }
            }
            let images = Tensor(pixels, shape: [32, 8, 8, 1])

            let model = withRandomSeed(1) {
                Sequential<Float>([
                    Conv2D(inputChannels: 1, outputChannels: 4, kernelSize: (3, 3), padding: .same, activation: relu),
                    BasicBlock(channels: 4),
                    GlobalAveragePool2D(),
                    Dense(inputSize: 4, outputSize: 2),
                ])
            }
            let optimizer = Adam<Float>(learningRate: 0.02)
            for step in 1...40 {
                let (loss, gradients) = withTrainingMode {
                    valueWithGradients(of: model) { softmaxCrossEntropy(logits: $0(images), labels: labels) }
                }
                optimizer.update(model, along: gradients)
                if step % 10 == 0 { print("step \(step): loss \(loss.scalar)") }
            }
            let predictions = withoutGradients { model(images) }.argmax(alongAxis: 1).scalars.map { Int($0) }
            print("accuracy:", zip(predictions, labels).filter { $0 == $1 }.count, "of", labels.count)
            // end sample
            #expect(printed.lines.last == "accuracy: 32 of 32")
            GuideText.expectOutput(printed.lines, of: "layer-training")
        }

        // MARK: CheckpointFormat.md

        @Test func checkpointLayout() throws {
            // sample: checkpoint-save
            let model = withRandomSeed(0) { Sequential<Float>([Dense(inputSize: 2, outputSize: 2)]) }
            let optimizer = Adam<Float>()
            let (_, gradients) = valueWithGradients(of: model) { $0(Tensor([1, 2], shape: [1, 2])).sum() }
            optimizer.update(model, along: gradients)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("guide-checkpoint.safetensors")
            try Checkpoint.save(model, optimizer: optimizer, to: url, metadata: ["epoch": "1"])

            let bytes = [UInt8](try Data(contentsOf: url))
            let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
            print(bytes.count, "bytes:", headerLength, "of header,", bytes.count - 8 - headerLength, "of data")
            let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
            print(header.replacingOccurrences(of: "},\"", with: "},\n\""))   // one entry per line, for reading
            // end sample
            GuideText.expectOutput(printed.lines, of: "checkpoint-save")

            printed.lines = []
            // sample: checkpoint-load
            let restored = Sequential<Float>([Dense(inputSize: 2, outputSize: 2)])
            let restoredOptimizer = Adam<Float>()
            let metadata = try Checkpoint.load(into: restored, optimizer: restoredOptimizer, from: url)
            print(metadata["epoch"]!, restoredOptimizer.step, restored.state == model.state)
            do {
                try Checkpoint.load(into: Sequential<Float>([Dense(inputSize: 3, outputSize: 2)]), from: url)
            } catch {
                print(error)
            }
            do {
                _ = try SafeTensorsFile(bytes: Array(bytes.dropLast(4)))
            } catch {
                print(error)
            }
            // end sample
            GuideText.expectOutput(printed.lines, of: "checkpoint-load")
            try? FileManager.default.removeItem(at: url)
        }
    }
}

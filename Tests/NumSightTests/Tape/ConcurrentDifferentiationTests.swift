import Dispatch
import Foundation
import Testing
import NumSight

/// Differentiation keeps its per-pass state local, so one shared model can be
/// differentiated on every core at once, giving exactly the sequential results.
@Suite struct ConcurrentDifferentiationTests {
    @Test func gradientsOfOneSharedModelOnAllCoresMatchTheSequentialOnes() {
        let model = withRandomSeed(4) {
            Sequential<Float>([
                Conv2D(inputChannels: 1, outputChannels: 4, kernelSize: (3, 3), activation: relu),
                MaxPool2D(window: (2, 2)),
                Flatten(),
                Dense(inputSize: 36, outputSize: 10),
            ])
        }
        let batchCount = 200
        var generator = SeededRandomNumberGenerator(seed: 9)
        let batches = (0..<batchCount).map { _ in Tensor<Float>.randomNormal(shape: [1, 8, 8, 1], using: &generator) }
        let labels = (0..<batchCount).map { [$0 % 10] }
        // Layers are not `Sendable` (an optimiser changes them); this test only reads the model.
        let shared = Shared(model)
        @Sendable func gradients(ofBatch index: Int) -> [String: Tensor<Float>] {
            // A gradient penalty as well, so nested (recorded) backward passes run concurrently too.
            valueWithGradients(of: shared.value) { model in
                let penalty = gradient(at: batches[index]) { model($0).squared().sum() }.squared().mean()
                return softmaxCrossEntropy(logits: model(batches[index]), labels: labels[index]) + penalty
            }.gradients
        }
        let sequential = (0..<batchCount).map(gradients(ofBatch:))
        let concurrent = Shared([[String: Tensor<Float>]](repeating: [:], count: batchCount))
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: batchCount) { index in
            let result = gradients(ofBatch: index)
            lock.withLock { concurrent.value[index] = result }
        }
        let differing = (0..<batchCount).filter { concurrent.value[$0] != sequential[$0] }
        #expect(differing.isEmpty, "batches whose concurrent gradients differ: \(differing)")
        #expect(sequential[0].count == 4 && sequential[0].values.allSatisfy { $0.scalars.contains { $0 != 0 } })
    }

    @Test func aPassRunInsideAPullbackLeavesTheOuterPassAlone() {
        // The deterministic form of two passes interleaving over shared nodes: while the
        // outer pass holds a gradient for `weight`, a pullback differentiates through `weight`.
        final class Model: Layer {
            let weight = Parameter(Tensor<Double>([2]))
            func callAsFunction(_ input: Tensor<Double>) -> Tensor<Double> { input * weight.value }
        }
        let model = Model()
        let inner = Shared<Tensor<Double>?>(nil)
        func passingThrough(_ x: Tensor<Double>) -> Tensor<Double> {
            Tensor.recordingOperation(named: "passingThrough", value: x, inputs: [x]) { gradient in
                inner.value = valueWithGradients(of: model) { ($0.weight.value * $0.weight.value).sum() }
                    .gradients["weight"]
                return [gradient]
            }
        }
        let outer = valueWithGradients(of: model) { model in
            (passingThrough(3 * model.weight.value) + 5 * model.weight.value).sum()
        }
        #expect(outer.gradients["weight"]?.scalars == [8])  // 3 + 5
        #expect(inner.value?.scalars == [4])  // 2 · weight
    }
}

/// Hands a value to several threads; the test guards every mutation itself.
private final class Shared<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

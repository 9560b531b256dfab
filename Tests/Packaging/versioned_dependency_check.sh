#!/usr/bin/env bash
# Checks that a package depending on NumSight and MNIST through a versioned URL (a
# throwaway local tag 1.0.0 on a clone of this checkout) builds — SwiftPM refuses
# versioned dependencies whose targets carry unsafe flags — gets the fast kernel path,
# and trains the seed CNN for a step on the MNIST files of the dependency's checkout;
# then that, seen from outside the module in a release build, a gradient penalty
# trains the weights, one model differentiates on many threads at once exactly as
# on one, a shape error names the op and the shapes, a sub-layer updates from the
# whole model's gradients, and clipping returns the norm and honours parameter groups.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/NumSight"
git -C "$root" diff HEAD --binary | git -C "$work/NumSight" apply --allow-empty
git -C "$work/NumSight" -c user.name=check -c user.email=check@localhost commit --quiet -am "uncommitted changes" || true
git -C "$work/NumSight" tag 1.0.0

mkdir -p "$work/Consumer/Sources/Consumer"
cat > "$work/Consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "Consumer",
    dependencies: [.package(url: "file://$work/NumSight", from: "1.0.0")],
    targets: [.executableTarget(name: "Consumer", dependencies: [
        .product(name: "NumSight", package: "NumSight"),
        .product(name: "MNIST", package: "NumSight"),
    ])]
)
SWIFT
cat > "$work/Consumer/Sources/Consumer/main.swift" <<'SWIFT'
import Dispatch
import Foundation
import MNIST
import NumSight

/// Stops with `message` unless `condition` holds (the script reads the exit status).
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("consumer check failed: \(message())") }
}

if CommandLine.arguments.dropFirst().first == "shape-error" {
    _ = matmul(Tensor<Float>.zeros(shape: [2, 10]), Tensor<Float>.zeros(shape: [8, 4]))
    fatalError("unreachable: matmul accepted mismatched shapes")
}

let a = Tensor<Float>.ones(shape: [512, 512])
_ = matmul(a, a)
let clock = ContinuousClock()
let repetitions = 20
let duration = clock.measure { for _ in 0..<repetitions { _ = matmul(a, a) } }
let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
print("path \(KernelConfiguration.path.rawValue)")
print("sgemm.512 \(Int(2 * 512.0 * 512 * 512 * Double(repetitions) / seconds / 1e9)) GFLOP/s")

let digits = try MNISTDataset(split: .test).examples(in: 0..<100)
let model = SeedCNN.makeModel()
let optimizer = Adam<Float>(learningRate: 0.001)
for batch in BatchLoader(dataset: digits, batchSize: 100, augmentation: nil, seed: 1).batches(forEpoch: 1) {
    let (loss, gradients) = withTrainingMode {
        valueWithGradients(of: model) { model in softmaxCrossEntropy(logits: model(batch.images), labels: batch.labels) }
    }
    optimizer.update(model, along: gradients)
    print("mnist.step.loss \(loss.scalar)")
}

final class Critic: Layer {
    let l1 = Dense<Double>(inputSize: 2, outputSize: 8, activation: tanh)
    let l2 = Dense<Double>(inputSize: 8, outputSize: 1)
    func callAsFunction(_ x: Tensor<Double>) -> Tensor<Double> { l2(l1(x)) }
}

// 1. A gradient penalty written the natural way trains the weights, as the spelled-out double backward does.
let critic = withRandomSeed(1) { Critic() }
var generator = SeededRandomNumberGenerator(seed: 2)
let x = Tensor<Double>.randomNormal(shape: [4, 2], using: &generator)
let natural = valueWithGradients(of: critic) { c in gradient(at: x) { c($0).sum() }.squared().sum() }.gradients
let input = x.requiringGradient()
let inner = gradients(of: critic(input).sum(), withRespectTo: [input], creatingGraph: true)[0]
let spelledOut = gradients(of: inner.squared().sum(), withRespectTo: [critic.l1.weight.value])[0]
let penaltyGradient = natural["l1.weight"]!
check(penaltyGradient.scalars.map(abs).reduce(0, +) > 0, "the penalty's gradient is zero")
check(penaltyGradient.isApproximatelyEqual(to: spelledOut), "natural \(penaltyGradient) vs spelled out \(spelledOut)")
print("gradient penalty: Σ|∂/∂l1.weight| = \(penaltyGradient.scalars.map(abs).reduce(0, +))")

// 2. One shared model, gradients on every core at once, exactly the sequential ones.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [[String: Tensor<Double>]]
    init(count: Int) { values = Array(repeating: [:], count: count) }
    func set(_ value: [String: Tensor<Double>], at index: Int) { lock.withLock { values[index] = value } }
}
struct SharedCritic: @unchecked Sendable { let critic: Critic }
let batches = (0..<200).map { _ in Tensor<Double>.randomNormal(shape: [8, 2], using: &generator) }
let shared = SharedCritic(critic: critic)
@Sendable func gradientsOfBatch(_ index: Int) -> [String: Tensor<Double>] {
    valueWithGradients(of: shared.critic) { $0(batches[index]).squared().mean() }.gradients
}
let sequential = batches.indices.map(gradientsOfBatch)
let concurrent = Results(count: batches.count)
DispatchQueue.concurrentPerform(iterations: batches.count) { index in
    concurrent.set(gradientsOfBatch(index), at: index)
}
let differing = batches.indices.filter { concurrent.values[$0] != sequential[$0] }
check(differing.isEmpty, "\(differing.count) of \(batches.count) concurrent gradients differ")
print("concurrent gradients: \(batches.count) of \(batches.count) equal the sequential ones")

// 4. A sub-layer updates from the whole model's gradients.
let before = critic.l1.weight.value
let l2Before = critic.l2.weight.value
SGD<Double>(learningRate: 0.1).update(critic.l2, along: natural)
check(critic.l1.weight.value == before, "updating l2 changed l1")
check(critic.l2.weight.value == l2Before - 0.1 * natural["l2.weight"]!, "updating l2 did not follow its gradient")
print("sub-layer update: l2 moved, l1 kept")

// 5. Clipping returns the norm; a parameter group keeps its own settings.
var clipped = ["a": Tensor<Float>([3, 0]), "b": Tensor<Float>([4])]
let norm = clipByGlobalNorm(&clipped, maximumNorm: 1)
check(norm == 5 && clipped["a"]!.scalars == [0.6, 0] && clipped["b"]!.scalars == [0.8], "clipped \(clipped), norm \(norm)")
let grouped = SGD<Double>(learningRate: 0.1, parameterGroups: [ParameterGroup(matching: { $0.hasPrefix("l1.") },
                                                                             learningRateFactor: 0)])
grouped.update(critic, along: natural)
check(critic.l1.weight.value == before, "a group with a zero learning rate still moved")
print("clipping: norm \(norm); parameter groups honoured")
SWIFT

swift build -c release --package-path "$work/Consumer" 2>&1 | tail -n 1
"$work/Consumer/.build/release/Consumer"

# 3. A shape error in the release build still names the op and the shapes.
# (In a subshell, so that the shell's note of the child's signal goes to the file too.)
if ("$work/Consumer/.build/release/Consumer" shape-error; exit $?) 2> "$work/shape-error.txt"; then
    echo "shape error: the release build did not stop" >&2
    exit 1
fi
if ! grep -q "matmul: inner dimensions differ: \[2, 10\] · \[8, 4\]" "$work/shape-error.txt"; then
    echo "shape error: the release build's message lacks the op and shapes:" >&2
    cat "$work/shape-error.txt" >&2
    exit 1
fi
echo "shape error in release: $(grep -o 'matmul: inner dimensions differ[^\n]*' "$work/shape-error.txt" | head -n 1)"

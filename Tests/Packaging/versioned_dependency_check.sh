#!/usr/bin/env bash
# Checks that a package depending on NumSight and MNIST through a versioned URL (a
# throwaway local tag 1.0.0 on a clone of this checkout) builds — SwiftPM refuses
# versioned dependencies whose targets carry unsafe flags — gets the fast kernel path,
# and trains the seed CNN for a step on the MNIST files of the dependency's checkout.
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
import MNIST
import NumSight

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
SWIFT

swift build -c release --package-path "$work/Consumer" 2>&1 | tail -n 1
"$work/Consumer/.build/release/Consumer"

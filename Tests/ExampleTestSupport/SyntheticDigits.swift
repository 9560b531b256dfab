import MNIST
import NumSight

/// Easy, deterministic stand-ins for MNIST: class `c` is a 6 × 6 bright square at a
/// position of its own, on faint noise. A linear model learns them in a few steps.
public enum SyntheticDigits {
    public static func dataset(count: Int, seed: UInt64 = 1) -> MNISTDataset {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var images: [UInt8] = []
        var labels: [UInt8] = []
        for index in 0..<count {
            let label = index % 10
            var image = generator.bytes(784).map { $0 / 16 }
            let top = 4 + (label / 5) * 12
            let left = 1 + (label % 5) * 5
            for row in top..<(top + 6) {
                for column in left..<(left + 6) { image[row * 28 + column] = 255 }
            }
            images += image
            labels.append(UInt8(label))
        }
        return try! MNISTDataset(images: images, labels: labels)
    }

    /// A linear classifier, small enough for fast tests in debug builds.
    public static func tinyModel(seed: UInt64 = 7) -> Sequential<Float> {
        withRandomSeed(seed) { Sequential<Float>([Flatten(), Dense(inputSize: 784, outputSize: 10)]) }
    }
}

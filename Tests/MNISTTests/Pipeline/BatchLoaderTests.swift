import ExampleTestSupport
@testable import MNIST
import NumSight
import Testing

@Suite struct BatchLoaderTests {
    let dataset = SyntheticDigits.dataset(count: 300)

    @Test func keepsTheLastPartialBatch() {
        let loader = BatchLoader(dataset: dataset, batchSize: 128, augmentation: nil, seed: 1)
        let batches = Array(loader.batches(forEpoch: 1))
        #expect(loader.batchCount == 3)
        #expect(batches.map(\.count) == [128, 128, 44])
        #expect(batches[0].images.shape == [128, 28, 28, 1])
        #expect(batches[2].images.shape == [44, 28, 28, 1])
    }

    @Test func scalesPixelsToTheUnitIntervalInTheShuffledOrder() {
        let loader = BatchLoader(dataset: dataset, batchSize: 100, augmentation: nil, seed: 5)
        let order = loader.order(forEpoch: 2)
        let batch = Array(loader.batches(forEpoch: 2))[1]
        let example = order[100 + 7]
        #expect(batch.labels[7] == Int(dataset.labels[example]))
        #expect(Array(batch.images.scalars[(7 * 784)..<(8 * 784)]) == dataset.image(at: example).map { Float($0) / 255 })
    }

    @Test func servesInOrderWithoutShuffling() {
        let batch = Array(BatchLoader.evaluating(dataset, batchSize: 300).batches(forEpoch: 1))[0]
        #expect(batch.labels == dataset.labels.map { Int($0) })
        #expect(batch.images.scalars == dataset.images.map { Float($0) / 255 })
    }

    @Test func theSameSeedGivesBitIdenticalAugmentedBatches() {
        let first = Array(BatchLoader(dataset: dataset, augmentation: .original, seed: 9).batches(forEpoch: 4))
        let second = Array(BatchLoader(dataset: dataset, augmentation: .original, seed: 9).batches(forEpoch: 4))
        let other = Array(BatchLoader(dataset: dataset, augmentation: .original, seed: 10).batches(forEpoch: 4))
        #expect(first == second)
        #expect(first[0].images != other[0].images)
    }

    @Test func eachEpochIsAugmentedDifferently() {
        let loader = BatchLoader(dataset: dataset, shuffles: false, augmentation: .default, seed: 9)
        let epoch1 = Array(loader.batches(forEpoch: 1))[0]
        let epoch2 = Array(loader.batches(forEpoch: 2))[0]
        #expect(epoch1.labels == epoch2.labels)
        #expect(epoch1.images != epoch2.images)
    }

    @Test func identitySettingsGiveThePlainImages() {
        let plain = Array(BatchLoader(dataset: dataset, augmentation: nil, seed: 3).batches(forEpoch: 1))
        let identity = Array(BatchLoader(dataset: dataset, augmentation: .identity, seed: 3).batches(forEpoch: 1))
        #expect(plain == identity)
    }

    @Test func aFixedStrokeWidthChangeServesEachImageDilated() throws {
        var thicker = AugmentationSettings.identity
        thicker.strokeWidthChanges = 1...1
        let plain = try #require(Array(BatchLoader(dataset: dataset, augmentation: nil, seed: 3).batches(forEpoch: 1)).first)
        let dilated = try #require(Array(BatchLoader(dataset: dataset, augmentation: thicker, seed: 3).batches(forEpoch: 1)).first)
        var expected = plain.images.scalars
        var scratch = [Float](repeating: 0, count: 784)
        expected.withUnsafeMutableBufferPointer { images in
            scratch.withUnsafeMutableBufferPointer { scratch in
                for start in stride(from: 0, to: images.count, by: 784) {
                    let image = UnsafeMutableBufferPointer(rebasing: images[start..<(start + 784)])
                    StrokeWidthChange(amount: 1).apply(to: image, side: 28, scratch: scratch)
                }
            }
        }
        #expect(dilated.images.scalars == expected)
        #expect(dilated.images.scalars.reduce(0, +) > plain.images.scalars.reduce(0, +))
    }

    @Test func contrastMovesPixelsAwayFromTheMean() {
        var pixels: [Float] = [0.2, 0.4, 0.6, 1.0]  // mean 0.55
        pixels.withUnsafeMutableBufferPointer { BatchLoader.adjustContrast(of: $0, by: 2) }
        let expected: [Float] = [0, 0.25, 0.65, 1]  // (x − 0.55) · 2 + 0.55, clipped to [0, 1]
        #expect(zip(pixels, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(pixels) vs \(expected)")
    }

    @Test func prefetchingGivesTheSameBatchesAsPreparingThemOneByOne() {
        let loader = BatchLoader(dataset: dataset, batchSize: 32, augmentation: .original, seed: 11)
        let synchronous = Array(loader.batches(forEpoch: 2, prefetchCount: 0))
        for prefetchCount in [1, 2, 5] {
            #expect(Array(loader.batches(forEpoch: 2, prefetchCount: prefetchCount)) == synchronous)
        }
    }

    @Test func stoppingEarlyReleasesThePrefetchingThread() {
        let loader = BatchLoader(dataset: dataset, batchSize: 16, augmentation: .original, seed: 11)
        for _ in 0..<20 {
            var batches = loader.batches(forEpoch: 1, prefetchCount: 2)
            #expect(batches.next()?.count == 16)
        }
    }
}

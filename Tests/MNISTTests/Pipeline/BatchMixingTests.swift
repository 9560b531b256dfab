import ExampleTestSupport
import NumSight
import Testing
@testable import MNIST

/// Every batch of a mixed epoch holds its share of the small set; the large set is
/// visited exactly once; the small set recurs evenly; the same seed gives the same order.
@Suite struct BatchMixingTests {
    @Test func aQuarterOfEveryBatchComesFromTheSmallSet() {
        let mixing = BatchMixing(baseCount: 1000, mixedCount: 7, batchSize: 40, fraction: 0.25)
        #expect(mixing.mixedPerBatch == 10)
        #expect(mixing.batchCount(batchSize: 40) == 34)  // ⌈1000 / 30⌉
        let order = mixing.order(forEpoch: 1, batchSize: 40, seed: 5)
        #expect(order.count == 1000 + 34 * 10)
        for start in stride(from: 0, to: order.count, by: 40) {
            let batch = order[start..<min(start + 40, order.count)]
            #expect(batch.count { $0 >= 1000 } == 10, "batch at \(start)")
        }
        #expect(order.filter { $0 < 1000 }.sorted() == Array(0..<1000))
        let recurrences = (1000..<1007).map { index in order.count { $0 == index } }
        #expect(recurrences.max()! - recurrences.min()! <= 1, "\(recurrences)")
        #expect(order == mixing.order(forEpoch: 1, batchSize: 40, seed: 5))
        #expect(order != mixing.order(forEpoch: 2, batchSize: 40, seed: 5))
    }

    @Test func theShareIsAtLeastOneAndLeavesRoomForTheLargeSet() {
        #expect(BatchMixing(baseCount: 10, mixedCount: 3, batchSize: 8, fraction: 0).mixedPerBatch == 1)
        #expect(BatchMixing(baseCount: 10, mixedCount: 3, batchSize: 8, fraction: 1).mixedPerBatch == 7)
    }

    @Test func aMixingLoaderServesBothSetsInItsBatches() {
        let large = SyntheticDigits.dataset(count: 90)
        let small = SyntheticDigits.dataset(count: 4, seed: 99)
        let loader = BatchLoader(mixing: small, into: large, fraction: 0.25, batchSize: 16, augmentation: nil, seed: 3)
        #expect(loader.batchCount == 8)  // ⌈90 / 12⌉
        #expect(loader.examplesPerEpoch == 90 + 8 * 4)
        let batches = Array(loader.batches(forEpoch: 1))
        #expect(batches.map(\.count) == [16, 16, 16, 16, 16, 16, 16, 10])
        // The last four images of each batch are small-set digits, pixel for pixel.
        let smallImages = (0..<4).map { small.image(at: $0).map { Float($0) / 255 } }
        for batch in batches {
            let scalars = batch.images.scalars
            let last = Array(scalars[((batch.count - 1) * 784)..<(batch.count * 784)])
            #expect(smallImages.contains(last))
        }
    }
}

@testable import MNIST
import Testing

@Suite struct EpochOrderTests {
    @Test func isAPermutation() {
        let order = EpochOrder.shuffled(count: 1000, seed: 42, epoch: 1)
        #expect(order.sorted() == Array(0..<1000))
        #expect(order != Array(0..<1000))
    }

    @Test func dependsOnlyOnTheSeedAndTheEpoch() {
        let order = EpochOrder.shuffled(count: 500, seed: 42, epoch: 3)
        #expect(EpochOrder.shuffled(count: 500, seed: 42, epoch: 3) == order)
        #expect(EpochOrder.shuffled(count: 500, seed: 42, epoch: 4) != order)
        #expect(EpochOrder.shuffled(count: 500, seed: 43, epoch: 3) != order)
    }

    /// Pins the order so that a change of algorithm (or platform) shows up: every
    /// machine must shuffle MNIST identically for a given seed.
    @Test func isTheSameOnEveryMachine() {
        #expect(EpochOrder.shuffled(count: 10, seed: 42, epoch: 1) == [2, 4, 1, 6, 3, 5, 8, 0, 7, 9])
    }
}

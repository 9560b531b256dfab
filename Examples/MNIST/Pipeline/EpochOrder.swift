import NumSight

/// The order in which one epoch visits the examples: a Fisher–Yates shuffle drawn
/// from a generator seeded with the run seed and the epoch, so the same seed gives
/// the same order on every machine (the swaps use only integer arithmetic, not the
/// standard library's `shuffle`, whose algorithm may change between releases).
///
/// ```swift
/// EpochOrder.shuffled(count: 5, seed: 42, epoch: 1)   // the same permutation of 0..<5 on every run
/// ```
public enum EpochOrder {
    /// A permutation of `0..<count` for `epoch` of the run seeded with `seed`.
    public static func shuffled(count: Int, seed: UInt64, epoch: Int) -> [Int] {
        var generator = SeededRandomNumberGenerator(
            seed: SeedDerivation.seed(seed, for: .shuffling, at: [epoch]))
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            // A uniform integer in 0...index from the high word of a 64×64-bit product
            // (Lemire's method; the bias, below 2⁻⁴⁸ for MNIST, is negligible).
            let other = Int(generator.next().multipliedFullWidth(by: UInt64(index + 1)).high)
            order.swapAt(index, other)
        }
        return order
    }
}

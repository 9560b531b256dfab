import Foundation

/// The generator that layers draw their initial weights (and dropout its seeds)
/// from: seeded with 0 when the program starts, or with the seed of the innermost
/// ``withRandomSeed(_:_:)``. Building the same model the same way therefore gives
/// the same weights on every run.
enum RandomSeedScope {
    /// A generator shared by the code of one scope.
    final class SharedGenerator: @unchecked Sendable {
        private var generator: SeededRandomNumberGenerator
        private let lock = NSLock()

        init(seed: UInt64) { generator = SeededRandomNumberGenerator(seed: seed) }

        func draw<Result>(_ body: (inout SeededRandomNumberGenerator) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&generator)
        }
    }

    @TaskLocal static var scoped: SharedGenerator?
    static let programWide = SharedGenerator(seed: 0)

    /// Runs `body` with the current scope's generator.
    static func draw<Result>(_ body: (inout SeededRandomNumberGenerator) -> Result) -> Result {
        (scoped ?? programWide).draw(body)
    }
}

/// Runs `body` with layer initialisation drawing from a generator seeded with `seed`.
///
/// ```swift
/// let model = withRandomSeed(42) { MNISTClassifier() }   // the same weights on every run
/// ```
public func withRandomSeed<Result>(_ seed: UInt64, _ body: () throws -> Result) rethrows -> Result {
    try RandomSeedScope.$scoped.withValue(RandomSeedScope.SharedGenerator(seed: seed), operation: body)
}

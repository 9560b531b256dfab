/// A fast, seedable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// The same seed gives the same sequence on every run and every machine, which makes
/// initialisation, dropout, shuffling and augmentation reproducible.
///
/// ```swift
/// var generator = SeededRandomNumberGenerator(seed: 42)
/// let weights = Tensor<Float>.randomNormal(shape: [3, 3], using: &generator)
/// ```
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose sequence is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 random bits (xoshiro256**), advancing the state.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform sample in [0, 1) with 53 random bits, identical on every platform.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal sample (Box–Muller, computed in Double so every platform agrees).
    public mutating func nextStandardNormal() -> Double {
        let u1 = 1 - nextUnitInterval()  // in (0, 1], so the logarithm is finite
        let u2 = nextUnitInterval()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos2π(u2)
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    /// Whether two generators are in the same state, and so produce the same sequence from here on.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.state == rhs.state
    }

    /// Hashes the generator's state.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }

    private enum CodingKeys: CodingKey { case state }

    /// Restores a generator saved by ``encode(to:)``: its four state words under `state`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when there are not exactly four words.
    public init(from decoder: Decoder) throws {
        let words = try decoder.container(keyedBy: CodingKeys.self).decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected 4 state words, found \(words.count)"))
        }
        state = (words[0], words[1], words[2], words[3])
    }

    /// Saves the generator's state, four words under `state`, so a run can resume its
    /// random sequence (for example in a training checkpoint).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([state.0, state.1, state.2, state.3], forKey: .state)
    }
}

extension Double {
    /// cos(2πx), through the library cosine.
    fileprivate static func cos2π(_ x: Double) -> Double {
        CLibrary.cosine(2 * Double.pi * x)
    }
}

import NumSight

extension SeededRandomNumberGenerator {
    /// `count` random bytes, the same on every run for a given seed.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

/// Independent seeds for each use of one run seed (shuffling epoch 3, augmenting
/// batch 7 of epoch 3, …), so every random stream depends only on the run seed and
/// its position, never on timing or on how many numbers other streams drew.
enum SeedDerivation {
    /// What a derived seed is for; part of the hash, so streams never coincide.
    enum Purpose: UInt64 {
        case shuffling = 1
        case augmentation = 2
        case mixing = 3
    }

    /// A seed for `purpose` at `position` (epoch, batch, …), mixed with SplitMix64's finaliser.
    static func seed(_ base: UInt64, for purpose: Purpose, at position: [Int]) -> UInt64 {
        var hash = mixed(base ^ purpose.rawValue)
        for component in position {
            hash = mixed(hash ^ mixed(UInt64(bitPattern: Int64(component)) &+ 0x9E37_79B9_7F4A_7C15))
        }
        return hash
    }

    private static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short wait never becomes a busy loop.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

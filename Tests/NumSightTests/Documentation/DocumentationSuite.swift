import Testing

/// The suites that check the guides, grouped so that `swift test --filter Documentation` runs them.
@Suite enum Documentation {}

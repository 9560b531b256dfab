import ExampleTestSupport
@testable import ImageCodecs
import NumSight
import Testing

@Suite struct PNGFilterTests {
    /// `unfilter` undoes `filter`, which follows the specification's formula byte by byte: for every
    /// filter, pixel width and short row, with a row above and without (the first row of a pass).
    @Test func unfilterRestoresWhatFilterFiltered() {
        var generator = SeededRandomNumberGenerator(seed: 9)
        for filter in PNGFilter.allCases {
            for stride in [1, 2, 3, 4, 6, 8] {
                for length in [0, 1, stride, stride + 1, 37] {
                    let raw = generator.bytes(length)
                    let above = generator.bytes(length)
                    for previous in [nil, above[...]] {
                        var restored = filter.filter(raw[...], previous: previous, stride: stride)
                        restored.withUnsafeMutableBufferPointer { row in
                            if let previous {
                                Array(previous).withUnsafeBufferPointer { filter.unfilter(row, previous: $0, stride: stride) }
                            } else {
                                filter.unfilter(row, previous: nil, stride: stride)
                            }
                        }
                        #expect(restored == raw, "\(filter), stride \(stride), \(length) bytes, row above: \(previous != nil)")
                    }
                }
            }
        }
    }
}

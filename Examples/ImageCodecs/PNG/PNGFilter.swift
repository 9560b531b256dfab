/// The five PNG scanline filters (PNG specification, section 9.2).
///
/// Each predicts a byte from its already known neighbours — `a` to the left (one pixel
/// back), `b` above, `c` above-left; missing neighbours are 0 — and stores the
/// difference modulo 256. Filtering makes smooth images compress better.
enum PNGFilter: UInt8, CaseIterable, Sendable {
    case none = 0, sub, up, average, paeth

    /// The prediction for a byte whose neighbours are `a`, `b` and `c`.
    @inline(__always)
    func predict(a: UInt8, b: UInt8, c: UInt8) -> UInt8 {
        switch self {
        case .none: 0
        case .sub: a
        case .up: b
        case .average: UInt8((Int(a) + Int(b)) / 2)
        case .paeth: Self.paethPredictor(a: a, b: b, c: c)
        }
    }

    /// Whichever of `a`, `b`, `c` is closest to `a + b − c`, ties going to `a`, then `b`.
    @inline(__always)
    static func paethPredictor(a: UInt8, b: UInt8, c: UInt8) -> UInt8 {
        let estimate = Int(a) + Int(b) - Int(c)
        let distanceA = abs(estimate - Int(a))
        let distanceB = abs(estimate - Int(b))
        let distanceC = abs(estimate - Int(c))
        if distanceA <= distanceB && distanceA <= distanceC { return a }
        return distanceB <= distanceC ? b : c
    }

    /// Restores the raw bytes of a filtered `row` in place, given the raw `previous` row
    /// (`nil` above the first row of a pass) and the byte distance `stride` of one pixel.
    ///
    /// The first pixel of a row has no left neighbours, and the first row of a pass none above:
    /// each case runs those bytes apart, so the loop over the rest does no tests.
    func unfilter(_ row: UnsafeMutableBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>?, stride: Int) {
        let firstPixelEnd = min(stride, row.count)
        switch (self, previous) {
        case (.none, _), (.up, nil):
            return
        case (.sub, _), (.paeth, nil):
            // Paeth with nothing above predicts `a`: the same as Sub.
            for index in firstPixelEnd..<row.count { row[index] &+= row[index - stride] }
        case let (.up, above?):
            for index in row.indices { row[index] &+= above[index] }
        case (.average, nil):
            for index in firstPixelEnd..<row.count { row[index] &+= row[index - stride] / 2 }
        case let (.average, above?):
            for index in 0..<firstPixelEnd { row[index] &+= above[index] / 2 }
            for index in firstPixelEnd..<row.count {
                row[index] &+= UInt8((Int(row[index - stride]) + Int(above[index])) / 2)
            }
        case let (.paeth, above?):
            // With no left neighbours, Paeth predicts `b`, the byte above.
            for index in 0..<firstPixelEnd { row[index] &+= above[index] }
            for index in firstPixelEnd..<row.count {
                row[index] &+= Self.paethPredictor(a: row[index - stride], b: above[index], c: above[index - stride])
            }
        }
    }

    /// The filtered bytes of the raw `row`, given the raw `previous` row (`nil` above the first).
    func filter(_ row: ArraySlice<UInt8>, previous: ArraySlice<UInt8>?, stride: Int) -> [UInt8] {
        let raw = Array(row)
        let above = previous.map(Array.init)
        return raw.indices.map { index in
            let a = index >= stride ? raw[index - stride] : 0
            let b = above?[index] ?? 0
            let c = index >= stride ? above?[index - stride] ?? 0 : 0
            return raw[index] &- predict(a: a, b: b, c: c)
        }
    }
}

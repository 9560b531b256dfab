/// Shape arithmetic shared by tensors, ops and kernels.
extension Array where Element == Int {
    /// The number of elements a tensor of this shape holds.
    var elementCount: Int { reduce(1, *) }

    /// Row-major strides: how far apart, in elements, neighbours along each axis are.
    var strides: [Int] {
        var result = [Int](repeating: 1, count: count)
        var stride = 1
        for axis in indices.reversed() {
            result[axis] = stride
            stride *= self[axis]
        }
        return result
    }
}

/// The shape both operands broadcast to under NumPy's rules (align trailing axes;
/// each pair of sizes must match or one of them be 1), or `nil` when they don't.
func broadcastShape(_ lhs: [Int], _ rhs: [Int]) -> [Int]? {
    let rank = Swift.max(lhs.count, rhs.count)
    var result = [Int](repeating: 1, count: rank)
    for index in 0..<rank {
        let left = index < rank - lhs.count ? 1 : lhs[index - (rank - lhs.count)]
        let right = index < rank - rhs.count ? 1 : rhs[index - (rank - rhs.count)]
        guard left == right || left == 1 || right == 1 else { return nil }
        result[index] = left == 1 ? right : left
    }
    return result
}

/// `axis` counted from the front, accepting negative axes counted from the back.
func normalizedAxis(_ axis: Int, rank: Int, operation: String) -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    require(resolved >= 0 && resolved < rank, "\(operation): axis \(axis) is out of range for rank \(rank)")
    return resolved
}

/// The sorted, distinct, non-negative form of `axes`; all axes when `axes` is `nil`.
func normalizedAxes(_ axes: [Int]?, rank: Int, operation: String) -> [Int] {
    guard let axes else { return Array(0..<rank) }
    return Set(axes.map { normalizedAxis($0, rank: rank, operation: operation) }).sorted()
}

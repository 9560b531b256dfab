/// Index arithmetic and data movement: how views such as transposes, slices and
/// broadcasts map output elements to input elements.
enum LayoutKernels {
    /// The offset `start + Σ index[axis] * strides[axis]` of every element of `shape`, in row-major order.
    static func stridedOffsets(shape: [Int], strides: [Int], start: Int) -> [Int] {
        let count = shape.elementCount
        guard count > 0 else { return [] }
        guard !shape.isEmpty else { return [start] }
        var offsets = [Int](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: shape.count)
        var offset = start
        let last = shape.count - 1
        var position = 0
        while position < count {
            // Walk the innermost axis in one run.
            let innerStride = strides[last]
            for inner in 0..<shape[last] {
                offsets[position] = offset + inner * innerStride
                position += 1
            }
            // Carry into the outer axes.
            var axis = last - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return offsets
    }

    /// `source[offsets[i]]` for every `i`.
    static func gather<Scalar>(_ source: [Scalar], at offsets: [Int]) -> [Scalar] {
        offsets.map { source[$0] }
    }

    /// A buffer of `count` zeros to which each `values[i]` is added at `offsets[i]`.
    static func scatterAdd<Scalar: TensorScalar>(_ values: [Scalar], at offsets: [Int], count: Int) -> [Scalar] {
        var result = [Scalar](repeating: 0, count: count)
        for (value, offset) in zip(values, offsets) { result[offset] += value }
        return result
    }
}

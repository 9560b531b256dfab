import CNumSightKernels

/// Reductions over a set of axes of a row-major buffer. Results have the
/// input's rank, with reduced axes of size 1.
enum ReductionKernels {
    /// The sums over `axes` (sorted, distinct), accumulated in `Double` whatever the scalar
    /// (in float blocks of 64 added in `Double` by the C kernel for `Float` over a contiguous
    /// run of axes), so that long sums keep `Scalar`'s precision.
    static func sum<Scalar: TensorScalar>(_ x: [Scalar], shape: [Int], axes: [Int]) -> [Scalar] {
        let outputShape = reducedShape(shape, axes: axes)
        if let (outer, reduced, inner) = contiguousBlocks(shape, axes: axes) {
            if let floats = x.floats {
                let sums = [Float](unsafeUninitializedCapacity: outer * inner) { sums, initialized in
                    ns_sum_middle_axis(outer, reduced, inner, floats, sums.baseAddress)
                    initialized = outer * inner
                }
                return [Scalar](reinterpreting: sums)
            }
            var result = [Double](repeating: 0, count: outer * inner)
            x.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { result in
                    for o in 0..<outer {
                        for r in 0..<reduced {
                            let base = (o * reduced + r) * inner
                            for i in 0..<inner { result[o * inner + i] += Double(x[base + i]) }
                        }
                    }
                }
            }
            return result.map { Scalar($0) }
        }
        let targets = outputOffsets(shape: shape, axes: axes)
        var result = [Double](repeating: 0, count: outputShape.elementCount)
        for (value, target) in zip(x, targets) { result[target] += Double(value) }
        return result.map { Scalar($0) }
    }

    /// For each output element, the offset in `x` of the first element that is
    /// `better` than all others over `axes` (the largest, for `>`).
    static func extremumOffsets<Scalar: TensorScalar>(
        _ x: [Scalar], shape: [Int], axes: [Int], by better: (Scalar, Scalar) -> Bool
    ) -> [Int] {
        let count = reducedShape(shape, axes: axes).elementCount
        var best = [Int](repeating: -1, count: count)
        let targets = outputOffsets(shape: shape, axes: axes)
        for (offset, target) in targets.enumerated() {
            let current = best[target]
            if current < 0 || better(x[offset], x[current]) || (x[offset].isNaN && !x[current].isNaN) {
                best[target] = offset
            }
        }
        return best
    }

    /// The shape with each axis in `axes` set to 1.
    static func reducedShape(_ shape: [Int], axes: [Int]) -> [Int] {
        var result = shape
        for axis in axes { result[axis] = 1 }
        return result
    }

    /// The reduced axes as one contiguous run: (elements before, reduced, after).
    private static func contiguousBlocks(_ shape: [Int], axes: [Int]) -> (Int, Int, Int)? {
        guard let first = axes.first, let last = axes.last, last - first + 1 == axes.count else {
            return axes.isEmpty ? (shape.elementCount, 1, 1) : nil
        }
        return (Array(shape[..<first]).elementCount, Array(shape[first...last]).elementCount,
                Array(shape[(last + 1)...]).elementCount)
    }

    /// For every input element, the offset of the output element it reduces into.
    private static func outputOffsets(shape: [Int], axes: [Int]) -> [Int] {
        let outputStrides = reducedShape(shape, axes: axes).strides
        var strides = outputStrides
        for axis in axes { strides[axis] = 0 }
        return LayoutKernels.stridedOffsets(shape: shape, strides: strides, start: 0)
    }
}

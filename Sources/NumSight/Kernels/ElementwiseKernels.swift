import CNumSightKernels

/// Elementwise loops over contiguous buffers: the C kernels for `Float` where there
/// is one, Swift loops otherwise.
enum ElementwiseKernels {
    /// `f(x[i])` for every element.
    static func map<Scalar>(_ x: [Scalar], _ f: (Scalar) -> Scalar) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: x.count) { output, initialized in
            x.withUnsafeBufferPointer { x in
                for index in 0..<x.count { output[index] = f(x[index]) }
            }
            initialized = x.count
        }
    }

    /// `f(a[i], b[i])` for every pair of elements of two buffers of one size.
    static func combine<Scalar>(_ a: [Scalar], _ b: [Scalar], _ f: (Scalar, Scalar) -> Scalar) -> [Scalar] {
        require(a.count == b.count, "combine: \(a.count) and \(b.count) elements")
        return [Scalar](unsafeUninitializedCapacity: a.count) { output, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for index in 0..<a.count { output[index] = f(a[index], b[index]) }
                }
            }
            initialized = a.count
        }
    }

    /// `f(a[i], b[j])` for every output element, with `a` and `b` broadcast to `shape`.
    static func broadcasting<Scalar>(
        _ a: [Scalar], shape aShape: [Int], _ b: [Scalar], shape bShape: [Int], to shape: [Int],
        _ f: (Scalar, Scalar) -> Scalar
    ) -> [Scalar] {
        if aShape == bShape { return combine(a, b, f) }
        let count = shape.elementCount
        if b.count == 1 {
            let value = b[0]
            return map(a) { f($0, value) }
        }
        if a.count == 1 {
            let value = a[0]
            return map(b) { f(value, $0) }
        }
        if aShape.elementCount == count, isTrailingBlock(bShape, of: shape) {
            let period = b.count
            return [Scalar](unsafeUninitializedCapacity: count) { output, initialized in
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        for start in stride(from: 0, to: count, by: period) {
                            for offset in 0..<period { output[start + offset] = f(a[start + offset], b[offset]) }
                        }
                    }
                }
                initialized = count
            }
        }
        let aOffsets = broadcastOffsets(from: aShape, to: shape)
        let bOffsets = broadcastOffsets(from: bShape, to: shape)
        return (0..<count).map { f(a[aOffsets[$0]], b[bOffsets[$0]]) }
    }

    /// `a ∘ b` with the C kernel's operator ∘ when the scalars are `Float` and each operand
    /// fills `shape` or repeats as a block of its trailing axes (a scalar, a bias over the
    /// channels); `nil` otherwise.
    static func arithmetic<Scalar: TensorScalar>(
        _ arithmeticOperator: ns_arithmetic_operator, _ a: [Scalar], shape aShape: [Int], _ b: [Scalar],
        shape bShape: [Int], to shape: [Int]
    ) -> [Scalar]? {
        guard let floatsA = a.floats, let floatsB = b.floats, !a.isEmpty, !b.isEmpty,
              aShape == bShape || (isTrailingBlock(aShape, of: shape) && isTrailingBlock(bShape, of: shape))
        else { return nil }
        let count = shape.elementCount
        return [Scalar](reinterpreting: [Float](unsafeUninitializedCapacity: count) { result, initialized in
            ns_arithmetic(arithmeticOperator, count, floatsA, a.count, floatsB, b.count, result.baseAddress)
            initialized = count
        })
    }

    /// max(x, 0) for every element (0 for NaN).
    static func relu<Scalar: TensorScalar>(_ x: [Scalar]) -> [Scalar] {
        guard let floats = x.floats else { return map(x) { $0 > 0 ? $0 : 0 } }
        return [Scalar](reinterpreting: [Float](unsafeUninitializedCapacity: x.count) { result, initialized in
            ns_relu_forward(x.count, floats, result.baseAddress)
            initialized = x.count
        })
    }

    /// The gradient of `relu`: `gradient[i]` where `x[i] > 0`, 0 elsewhere.
    static func reluGradient<Scalar: TensorScalar>(_ gradient: [Scalar], x: [Scalar]) -> [Scalar] {
        require(gradient.count == x.count, "reluGradient: \(gradient.count) and \(x.count) elements")
        guard let floatGradient = gradient.floats, let floats = x.floats else {
            return combine(gradient, x) { $1 > 0 ? $0 : 0 }
        }
        return [Scalar](reinterpreting: [Float](unsafeUninitializedCapacity: x.count) { result, initialized in
            ns_relu_backward(x.count, floatGradient, floats, result.baseAddress)
            initialized = x.count
        })
    }

    /// `bias[c]` added in place to every row of `data`, a `[rows, bias.count]` buffer.
    static func addBias<Scalar: TensorScalar>(_ bias: [Scalar], to data: inout [Scalar]) {
        let channels = bias.count
        require(channels > 0 && data.count % channels == 0, "addBias: \(data.count) values, \(channels) channels")
        if let bias = bias.floats {
            _ = data.withUnsafeMutableFloats { data in
                ns_add_bias(data.count / channels, channels, bias, data.baseAddress)
            }
            return
        }
        data.withUnsafeMutableBufferPointer { data in
            for index in data.indices { data[index] += bias[index % channels] }
        }
    }

    /// Whether `part`, once leading ones are dropped, equals the trailing axes of `shape`.
    private static func isTrailingBlock(_ part: [Int], of shape: [Int]) -> Bool {
        let trimmed = part.drop { $0 == 1 }
        return trimmed.count <= shape.count && Array(shape.suffix(trimmed.count)) == Array(trimmed)
    }

    /// For each element of `shape`, the offset of the element of `source` broadcast onto it.
    static func broadcastOffsets(from source: [Int], to shape: [Int]) -> [Int] {
        let padded = [Int](repeating: 1, count: shape.count - source.count) + source
        let sourceStrides = padded.strides
        let strides = zip(padded, sourceStrides).map { size, stride in size == 1 ? 0 : stride }
        return LayoutKernels.stridedOffsets(shape: shape, strides: strides, start: 0)
    }
}

import CNumSightKernels

/// Update rules of the optimisers over whole buffers, in place, where a C kernel
/// exists for the scalar type.
enum OptimizerKernels {
    /// One Adam step with the C kernel when the scalars are `Float`:
    /// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², p ← p − α·m / (√v + ε).
    /// Returns false, changing nothing, for other scalars.
    static func adam<Scalar: TensorScalar>(
        _ parameter: inout [Scalar], gradient: [Scalar], firstMoment: inout [Scalar], secondMoment: inout [Scalar],
        beta1: Scalar, beta2: Scalar, epsilon: Scalar, stepSize: Scalar
    ) -> Bool {
        guard Scalar.self == Float.self else { return false }
        require(gradient.count == parameter.count && firstMoment.count == parameter.count
                     && secondMoment.count == parameter.count, "adam: buffers of different sizes")
        parameter.withUnsafeMutableBytes { parameter in
            firstMoment.withUnsafeMutableBytes { firstMoment in
                secondMoment.withUnsafeMutableBytes { secondMoment in
                    ns_adam_update(parameter.count / 4, parameter.baseAddress?.assumingMemoryBound(to: Float.self),
                                   unsafeBitCast(gradient, to: [Float].self),
                                   firstMoment.baseAddress?.assumingMemoryBound(to: Float.self),
                                   secondMoment.baseAddress?.assumingMemoryBound(to: Float.self),
                                   Float(beta1), Float(beta2), Float(epsilon), Float(stepSize))
                }
            }
        }
        return true
    }
}

extension OptimizerKernels {
    /// Σ x², accumulated in `Double`; with the C kernel when the scalars are `Float`.
    static func sumOfSquares<Scalar: TensorScalar>(_ x: [Scalar]) -> Double {
        if Scalar.self == Float.self {
            return unsafeBitCast(x, to: [Float].self).withUnsafeBufferPointer { ns_sum_of_squares($0.count, $0.baseAddress) }
        }
        return x.reduce(0) { $0 + Double($1) * Double($1) }
    }

    /// factor · x in a new array, read and written in one pass; with the C kernel
    /// when the scalars are `Float`.
    static func scaled<Scalar: TensorScalar>(_ x: [Scalar], by factor: Scalar) -> [Scalar] {
        guard Scalar.self == Float.self else { return x.map { $0 * factor } }
        let floats = unsafeBitCast(x, to: [Float].self)
        let result = [Float](unsafeUninitializedCapacity: floats.count) { buffer, count in
            floats.withUnsafeBufferPointer { ns_scale($0.count, $0.baseAddress, Float(factor), buffer.baseAddress) }
            count = floats.count
        }
        return unsafeBitCast(result, to: [Scalar].self)
    }
}

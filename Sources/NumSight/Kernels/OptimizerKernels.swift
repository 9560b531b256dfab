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
        require(gradient.count == parameter.count && firstMoment.count == parameter.count
                     && secondMoment.count == parameter.count, "adam: buffers of different sizes")
        guard let gradient = gradient.floats else { return false }
        parameter.withUnsafeMutableFloats { parameter in
            firstMoment.withUnsafeMutableFloats { firstMoment in
                secondMoment.withUnsafeMutableFloats { secondMoment in
                    ns_adam_update(parameter.count, parameter.baseAddress, gradient, firstMoment.baseAddress,
                                   secondMoment.baseAddress, Float(beta1), Float(beta2), Float(epsilon),
                                   Float(stepSize))
                }
            }
        }
        return true
    }
}

extension OptimizerKernels {
    /// Σ x², accumulated in `Double`; with the C kernel when the scalars are `Float`.
    static func sumOfSquares<Scalar: TensorScalar>(_ x: [Scalar]) -> Double {
        guard let floats = x.floats else { return x.reduce(0) { $0 + Double($1) * Double($1) } }
        return floats.withUnsafeBufferPointer { ns_sum_of_squares($0.count, $0.baseAddress) }
    }

    /// factor · x in a new array, read and written in one pass; with the C kernel
    /// when the scalars are `Float`.
    static func scaled<Scalar: TensorScalar>(_ x: [Scalar], by factor: Scalar) -> [Scalar] {
        guard let floats = x.floats else { return x.map { $0 * factor } }
        let result = [Float](unsafeUninitializedCapacity: floats.count) { buffer, count in
            floats.withUnsafeBufferPointer { ns_scale($0.count, $0.baseAddress, Float(factor), buffer.baseAddress) }
            count = floats.count
        }
        return [Scalar](reinterpreting: result)
    }
}

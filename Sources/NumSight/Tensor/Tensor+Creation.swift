extension Tensor {
    /// A tensor of `shape` with every element equal to `value`.
    public init(repeating value: Scalar, shape: [Int]) {
        require(shape.allSatisfy { $0 >= 0 }, "Tensor(repeating:shape:): negative dimension in \(shape)")
        self.init(shape: shape, scalars: [Scalar](repeating: value, count: shape.elementCount), node: nil)
    }

    /// A tensor of zeros.
    @_specialize(where Scalar == Float)
    public static func zeros(shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A tensor of ones.
    @_specialize(where Scalar == Float)
    public static func ones(shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// The one-dimensional tensor `start, start + step, …` up to but excluding `end`.
    ///
    /// ```swift
    /// Tensor<Float>.range(from: 0, to: 1, step: 0.25).scalars  // [0.0, 0.25, 0.5, 0.75]
    /// ```
    @_specialize(where Scalar == Float)
    public static func range(from start: Scalar = 0, to end: Scalar, step: Scalar = 1) -> Tensor {
        require(step != 0, "range: step must not be zero")
        let count = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<count).map { start + Scalar($0) * step })
    }

    /// The `size` × `size` identity matrix.
    @_specialize(where Scalar == Float)
    public static func identity(size: Int) -> Tensor {
        var scalars = [Scalar](repeating: 0, count: size * size)
        for index in 0..<size { scalars[index * size + index] = 1 }
        return Tensor(scalars, shape: [size, size])
    }

    /// Samples uniformly from [`lowerBound`, `upperBound`).
    @_specialize(where Scalar == Float)
    public static func randomUniform(
        shape: [Int], in range: Range<Scalar> = 0..<1, using generator: inout SeededRandomNumberGenerator
    ) -> Tensor {
        let width = Double(range.upperBound - range.lowerBound)
        let lower = Double(range.lowerBound)
        let scalars = (0..<shape.elementCount).map { _ in Scalar(lower + width * generator.nextUnitInterval()) }
        return Tensor(scalars, shape: shape)
    }

    /// Samples from a normal distribution with the given mean and standard deviation.
    @_specialize(where Scalar == Float)
    public static func randomNormal(
        shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1,
        using generator: inout SeededRandomNumberGenerator
    ) -> Tensor {
        let scalars = (0..<shape.elementCount).map { _ in
            mean + standardDeviation * Scalar(generator.nextStandardNormal())
        }
        return Tensor(scalars, shape: shape)
    }

    /// Ones with probability `probability`, zeros otherwise.
    @_specialize(where Scalar == Float)
    public static func randomBernoulli(
        shape: [Int], probability: Double, using generator: inout SeededRandomNumberGenerator
    ) -> Tensor {
        require((0...1).contains(probability), "randomBernoulli: probability \(probability) is outside [0, 1]")
        let scalars = (0..<shape.elementCount).map { _ in
            generator.nextUnitInterval() < probability ? Scalar(1) : Scalar(0)
        }
        return Tensor(scalars, shape: shape)
    }
}

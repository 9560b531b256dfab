extension Tensor: CustomStringConvertible {
    /// The shape and the values, nested by axis; large tensors show their first
    /// and last three entries along each axis.
    ///
    /// ```swift
    /// print(Tensor<Float>([1, 2, 3, 4], shape: [2, 2]))
    /// // Tensor<Float> [2, 2]
    /// // [[1.0, 2.0],
    /// //  [3.0, 4.0]]
    /// ```
    public var description: String {
        let abbreviate = elementCount > 1000
        let body = rank == 0 ? "\(scalars[0])" : nested(axis: 0, offset: 0, abbreviate: abbreviate)
        return "Tensor<\(Scalar.self)> \(shape)\n\(body)"
    }

    private func nested(axis: Int, offset: Int, abbreviate: Bool) -> String {
        let count = shape[axis]
        let stride = shape.strides[axis]
        let shown: [Int?] = abbreviate && count > 6
            ? Array(0..<3) + [nil] + Array(count - 3..<count)
            : Array(0..<count)
        let parts = shown.map { index -> String in
            guard let index else { return "..." }
            return axis == rank - 1
                ? "\(scalars[offset + index])"
                : nested(axis: axis + 1, offset: offset + index * stride, abbreviate: abbreviate)
        }
        let separator = axis == rank - 1 ? ", " : ",\n" + String(repeating: " ", count: axis + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }
}

/// One entry of a tensor subscript: a whole axis, a range of it, or one position
/// (which drops the axis), as in NumPy's `x[:, t]` (written `x[.all, t]`).
public enum TensorRange: TensorRangeExpression, Sendable, Hashable {
    /// The whole axis (NumPy's `:`), written `.all` in a subscript.
    case wholeAxis
    /// The positions in the range; the axis stays.
    case range(Range<Int>)
    /// One position; the axis is removed. Negative positions count from the back.
    case index(Int)

    /// This entry itself.
    public var tensorRange: TensorRange { self }
}

/// What can stand in a tensor subscript: `Int`, `Range<Int>`, `ClosedRange<Int>`
/// and ``TensorRange``.
public protocol TensorRangeExpression {
    /// The subscript entry this value means.
    var tensorRange: TensorRange { get }
}

extension TensorRangeExpression where Self == TensorRange {
    /// The whole axis (NumPy's `:`).
    public static var all: TensorRange { .wholeAxis }
}

extension Int: TensorRangeExpression {
    /// One position; the axis is removed.
    public var tensorRange: TensorRange { .index(self) }
}

extension Range<Int>: TensorRangeExpression {
    /// The positions in the range.
    public var tensorRange: TensorRange { .range(self) }
}

extension ClosedRange<Int>: TensorRangeExpression {
    /// The positions in the range.
    public var tensorRange: TensorRange { .range(lowerBound..<upperBound + 1) }
}

extension Tensor {
    /// The part of this tensor picked by one entry per leading axis; axes not
    /// mentioned are taken whole. Differentiable: the gradient is scattered back.
    ///
    /// ```swift
    /// let x = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])
    /// x[.all, 1].scalars   // [2, 5]
    /// x[1, 0..<2].scalars  // [4, 5]
    /// ```
    public subscript(_ ranges: any TensorRangeExpression...) -> Tensor {
        require(ranges.count <= rank, "subscript: \(ranges.count) entries for a tensor of shape \(shape)")
        var result = self
        var droppedAxes: [Int] = []
        for (axis, entry) in ranges.enumerated() {
            switch entry.tensorRange {
            case .wholeAxis:
                continue
            case let .range(range):
                result = result.sliced(alongAxis: axis, range: range)
            case let .index(position):
                let resolved = position < 0 ? position + shape[axis] : position
                require((0..<shape[axis]).contains(resolved),
                        "subscript: position \(position) is outside axis \(axis) of shape \(shape)")
                result = result.sliced(alongAxis: axis, range: resolved..<resolved + 1)
                droppedAxes.append(axis)
            }
        }
        return droppedAxes.isEmpty ? result : result.squeezingShape(at: droppedAxes)
    }
}

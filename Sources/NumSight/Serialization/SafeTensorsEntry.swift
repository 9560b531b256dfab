/// One named tensor of a safetensors file: its element type, its shape and
/// its elements' little-endian bytes, in row-major order.
///
/// The initialisers check that the bytes fill the shape exactly, so every
/// entry can be written as is.
///
///     let weight = try SafeTensorsEntry(scalars: [1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
///     weight.dtype          // .float32
///     weight.data.count     // 24
///     try weight.scalars(as: Double.self)  // [1, 2, 3, 4, 5, 6]
public struct SafeTensorsEntry: Equatable, Sendable {
    /// The element type.
    public let dtype: SafeTensorsDType
    /// Dimensions, outermost first; `[]` for a scalar.
    public let shape: [Int]
    /// The elements' little-endian bytes, row-major: `shape.reduce(1, *) · dtype.bitWidth / 8` of them.
    public let data: [UInt8]

    /// Wraps raw little-endian bytes.
    ///
    /// - Throws: ``SafeTensorsError/invalidEntry(dtype:shape:byteCount:)`` when
    ///   a dimension is negative or `data` does not hold exactly
    ///   `shape.reduce(1, *) * dtype.bitWidth / 8` bytes.
    public init(dtype: SafeTensorsDType, shape: [Int], data: [UInt8]) throws {
        guard shape.allSatisfy({ $0 >= 0 }),
              let bitCount = Self.bitCount(dtype: dtype, shape: shape),
              bitCount == data.count * 8
        else { throw SafeTensorsError.invalidEntry(dtype: dtype, shape: shape, byteCount: data.count) }
        self.init(validatedDType: dtype, shape: shape, data: data)
    }

    /// An `F32` entry holding `scalars` in row-major order.
    public init(scalars: [Float], shape: [Int]) throws {
        var data: [UInt8] = []
        data.reserveCapacity(scalars.count * 4)
        for scalar in scalars {
            withUnsafeBytes(of: scalar.bitPattern.littleEndian) { data += $0 }
        }
        try self.init(dtype: .float32, shape: shape, data: data)
    }

    /// An `F64` entry holding `scalars` in row-major order.
    public init(scalars: [Double], shape: [Int]) throws {
        var data: [UInt8] = []
        data.reserveCapacity(scalars.count * 8)
        for scalar in scalars {
            withUnsafeBytes(of: scalar.bitPattern.littleEndian) { data += $0 }
        }
        try self.init(dtype: .float64, shape: shape, data: data)
    }

    init(validatedDType dtype: SafeTensorsDType, shape: [Int], data: [UInt8]) {
        self.dtype = dtype
        self.shape = shape
        self.data = data
    }

    /// `shape.reduce(1, *) * dtype.bitWidth` for non-negative dimensions, or
    /// `nil` when that overflows `Int` (counting elements first, as the
    /// reference does, so `[huge, 0]` is a valid empty shape).
    static func bitCount(dtype: SafeTensorsDType, shape: [Int]) -> Int? {
        var elementCount = 1
        for dimension in shape {
            let (product, overflow) = elementCount.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            elementCount = product
        }
        let (bitCount, overflow) = elementCount.multipliedReportingOverflow(by: dtype.bitWidth)
        return overflow ? nil : bitCount
    }
}

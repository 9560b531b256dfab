extension SafeTensorsEntry {
    /// The elements converted to `Scalar`, in row-major order.
    ///
    /// Converts `F32`, `F64`, `F16`, `BF16`, `I64`, `I32` and `U8`, rounding
    /// to nearest where `Scalar` is narrower (`F64` or large `I64` to `Float`).
    /// Half and bfloat16 values widen exactly, subnormals, infinities and NaN
    /// included.
    ///
    ///     let entry = try SafeTensorsEntry(dtype: .float16, shape: [2], data: [0x00, 0x3C, 0x01, 0x00])
    ///     try entry.scalars(as: Float.self)  // [1.0, 5.9604645e-08]
    ///
    /// - Throws: ``SafeTensorsError/unsupportedConversion(from:)`` for other types.
    public func scalars<Scalar: BinaryFloatingPoint>(as type: Scalar.Type = Scalar.self) throws -> [Scalar] {
        switch dtype {
        case .float32: elements(of: UInt32.self) { Scalar(Float(bitPattern: $0)) }
        case .float64: elements(of: UInt64.self) { Scalar(Double(bitPattern: $0)) }
        case .float16: elements(of: UInt16.self) { Scalar(Self.float(fromHalfBits: $0)) }
        case .bfloat16: elements(of: UInt16.self) { Scalar(Float(bitPattern: UInt32($0) << 16)) }
        case .int64: elements(of: UInt64.self) { Scalar(Int64(bitPattern: $0)) }
        case .int32: elements(of: UInt32.self) { Scalar(Int32(bitPattern: $0)) }
        case .uint8: data.map { Scalar($0) }
        default: throw SafeTensorsError.unsupportedConversion(from: dtype)
        }
    }

    /// Reads `data` as consecutive little-endian `Word`s and transforms each.
    private func elements<Word: FixedWidthInteger, Scalar>(
        of word: Word.Type, _ transform: (Word) -> Scalar
    ) -> [Scalar] {
        let stride = MemoryLayout<Word>.size
        return data.withUnsafeBytes { bytes in
            (0..<bytes.count / stride).map { index in
                transform(Word(littleEndian: bytes.loadUnaligned(fromByteOffset: index * stride, as: Word.self)))
            }
        }
    }

    /// Widens IEEE 754 binary16 bits (1 sign, 5 exponent, 10 fraction bits)
    /// to the `Float` of the same value.
    ///
    /// Normal numbers rebias the exponent from 15 to 127. Subnormals
    /// (exponent 0) are `fraction × 2⁻²⁴`, which `Float` holds exactly.
    /// Exponent 31 is infinity, or NaN with its payload kept.
    static func float(fromHalfBits bits: UInt16) -> Float {
        let sign: UInt32 = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let fraction = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(fraction) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | fraction << 13)
        default:
            return Float(bitPattern: sign | (exponent + 127 - 15) << 23 | fraction << 13)
        }
    }
}

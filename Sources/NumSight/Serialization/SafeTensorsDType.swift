/// The element types a safetensors file can name, spelled on disk as the raw
/// value (`"F32"`). Multi-byte elements are little-endian.
///
/// Every type the reference implementation knows parses, so any valid file
/// loads; ``SafeTensorsEntry/scalars(as:)`` converts the ones listed there.
///
/// The cases are declared in the reference's (safetensors 0.8) order of
/// increasing alignment; writers place tensors of later cases first.
public enum SafeTensorsDType: String, CaseIterable, Sendable {
    /// Booleans, one byte each (0 or 1).
    case bool = "BOOL"
    /// MX FP4 (E2M1), two per byte.
    case float4 = "F4"
    /// MX FP6 (E2M3).
    case float6E2M3 = "F6_E2M3"
    /// MX FP6 (E3M2).
    case float6E3M2 = "F6_E3M2"
    /// Unsigned 8-bit integers.
    case uint8 = "U8"
    /// Signed 8-bit integers.
    case int8 = "I8"
    /// FP8 with 5 exponent and 2 mantissa bits (OCP E5M2).
    case float8E5M2 = "F8_E5M2"
    /// FP8 with 4 exponent and 3 mantissa bits (OCP E4M3FN: no infinities).
    case float8E4M3 = "F8_E4M3"
    /// MX scale factor: an 8-bit exponent.
    case float8E8M0 = "F8_E8M0"
    /// FP8 E4M3 with no negative zero, NaN at `0x80`.
    case float8E4M3FNUZ = "F8_E4M3FNUZ"
    /// FP8 E5M2 with no negative zero, NaN at `0x80`.
    case float8E5M2FNUZ = "F8_E5M2FNUZ"
    /// Signed 16-bit integers.
    case int16 = "I16"
    /// Unsigned 16-bit integers.
    case uint16 = "U16"
    /// IEEE 754 half precision.
    case float16 = "F16"
    /// bfloat16: the upper 16 bits of a `Float`.
    case bfloat16 = "BF16"
    /// Signed 32-bit integers.
    case int32 = "I32"
    /// Unsigned 32-bit integers.
    case uint32 = "U32"
    /// IEEE 754 single precision: `Float`.
    case float32 = "F32"
    /// A complex number as two `F32` parts.
    case complex64 = "C64"
    /// IEEE 754 double precision: `Double`.
    case float64 = "F64"
    /// Signed 64-bit integers.
    case int64 = "I64"
    /// Unsigned 64-bit integers.
    case uint64 = "U64"

    /// Bits per element; a tensor's bit count must be a whole number of bytes.
    public var bitWidth: Int {
        switch self {
        case .float4: 4
        case .float6E2M3, .float6E3M2: 6
        case .bool, .uint8, .int8, .float8E5M2, .float8E4M3, .float8E8M0, .float8E4M3FNUZ, .float8E5M2FNUZ: 8
        case .int16, .uint16, .float16, .bfloat16: 16
        case .int32, .uint32, .float32: 32
        case .complex64, .float64, .int64, .uint64: 64
        }
    }

    /// Whether a writer places tensors of this type before tensors of `other`:
    /// the reference sorts by this declaration order, descending, so the
    /// most-aligned types come first and every tensor starts aligned.
    func writingPrecedes(_ other: SafeTensorsDType) -> Bool {
        rank > other.rank
    }

    private var rank: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }
}

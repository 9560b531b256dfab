import Testing
import NumSight

extension SerializationTests {
    @Suite struct SafeTensorsEntryTests {
        /// Little-endian bytes of 16-bit words.
        func bytes(_ words: [UInt16]) -> [UInt8] {
            words.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }

        @Test func floatScalarsBecomeLittleEndianF32() throws {
            let entry = try SafeTensorsEntry(scalars: [1, -2.5] as [Float], shape: [2])
            #expect(entry.dtype == .float32)
            #expect(entry.data == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0])
            #expect(try entry.scalars(as: Float.self) == [1, -2.5])
        }

        @Test func doubleScalarsBecomeLittleEndianF64() throws {
            let entry = try SafeTensorsEntry(scalars: [1, 1.0 / 3] as [Double], shape: [1, 2])
            #expect(entry.dtype == .float64)
            #expect(entry.data.prefix(8) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
            #expect(try entry.scalars(as: Double.self) == [1, 1.0 / 3])
            #expect(try entry.scalars(as: Float.self) == [1, Float(1.0 / 3)])
        }

        @Test func halfPrecisionWidensExactly() throws {
            let cases: [(bits: UInt16, value: Float)] = [
                (0x3C00, 1), (0xC000, -2), (0x7BFF, 65504), (0x3555, 0.33325195),
                (0x0400, 0x1p-14),                 // smallest normal
                (0x0001, 0x1p-24),                 // smallest subnormal
                (0x03FF, 1023 * 0x1p-24),          // largest subnormal
                (0x8001, -0x1p-24),
                (0x7C00, .infinity), (0xFC00, -.infinity),
            ]
            let entry = try SafeTensorsEntry(dtype: .float16, shape: [cases.count], data: bytes(cases.map(\.bits)))
            #expect(try entry.scalars(as: Float.self) == cases.map(\.value))
        }

        @Test func halfPrecisionKeepsSignedZeroAndNaN() throws {
            let entry = try SafeTensorsEntry(dtype: .float16, shape: [3], data: bytes([0x8000, 0x7E00, 0xFC01]))
            let values = try entry.scalars(as: Float.self)
            #expect(values[0] == 0 && values[0].sign == .minus)
            #expect(values[1].isNaN && values[2].isNaN)
        }

        #if !(os(macOS) && arch(x86_64))
        @Test func halfPrecisionAgreesWithFloat16ForEveryBitPattern() throws {
            let patterns = (0...UInt16.max).map { $0 }
            let entry = try SafeTensorsEntry(dtype: .float16, shape: [patterns.count], data: bytes(patterns))
            let values = try entry.scalars(as: Float.self)
            for (bits, value) in zip(patterns, values) {
                let expected = Float(Float16(bitPattern: bits))
                if expected.isNaN {
                    #expect(value.isNaN, "bits \(bits)")
                } else {
                    #expect(value.bitPattern == expected.bitPattern, "bits \(bits): expected \(expected), got \(value)")
                }
            }
        }
        #endif

        @Test func bfloat16WidensExactly() throws {
            let cases: [(bits: UInt16, value: Float)] = [
                (0x3F80, 1), (0xC040, -3), (0x3EAB, 0.333984375),
                (0x0001, 0x1p-133),                // smallest subnormal
                (0x7F80, .infinity), (0xFF80, -.infinity),
            ]
            let entry = try SafeTensorsEntry(dtype: .bfloat16, shape: [cases.count], data: bytes(cases.map(\.bits)))
            #expect(try entry.scalars(as: Float.self) == cases.map(\.value))
            let nan = try SafeTensorsEntry(dtype: .bfloat16, shape: [], data: bytes([0x7FC0]))
            #expect(try nan.scalars(as: Double.self)[0].isNaN)
        }

        @Test func integersConvertToNearestFloatingPoint() throws {
            let int64 = try SafeTensorsEntry(
                dtype: .int64, shape: [3],
                data: [0xFD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + [0, 0, 0, 0, 0, 1, 0, 0] + [1, 0, 0, 0, 0, 0, 0x20, 0])
            #expect(try int64.scalars(as: Double.self) == [-3, 0x1p40, 9_007_199_254_740_992])  // 2^53 + 1 rounds down
            let int32 = try SafeTensorsEntry(dtype: .int32, shape: [2], data: [0, 0, 0, 0x80, 7, 0, 0, 0])
            #expect(try int32.scalars(as: Float.self) == [-2_147_483_648, 7])
            let uint8 = try SafeTensorsEntry(dtype: .uint8, shape: [3], data: [0, 128, 255])
            #expect(try uint8.scalars(as: Float.self) == [0, 128, 255])
        }

        @Test func otherTypesDoNotConvert() throws {
            let entry = try SafeTensorsEntry(dtype: .complex64, shape: [1], data: Array(repeating: 0, count: 8))
            #expect(throws: SafeTensorsError.unsupportedConversion(from: .complex64)) { try entry.scalars(as: Float.self) }
        }

        @Test func dataMustFillShapeExactly() {
            #expect(throws: SafeTensorsError.invalidEntry(dtype: .float32, shape: [2, 3], byteCount: 20)) {
                try SafeTensorsEntry(scalars: [1, 2, 3, 4, 5] as [Float], shape: [2, 3])
            }
            #expect(throws: SafeTensorsError.invalidEntry(dtype: .uint8, shape: [-1, -1], byteCount: 1)) {
                try SafeTensorsEntry(dtype: .uint8, shape: [-1, -1], data: [0])
            }
            #expect(throws: SafeTensorsError.invalidEntry(dtype: .float64, shape: [1 << 61, 1 << 61], byteCount: 0)) {
                try SafeTensorsEntry(dtype: .float64, shape: [1 << 61, 1 << 61], data: [])
            }
        }
    }
}

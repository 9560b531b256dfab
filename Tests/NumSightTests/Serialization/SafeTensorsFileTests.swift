import Foundation
import Testing
import NumSight

extension SerializationTests {
    @Suite struct SafeTensorsFileTests {
        @Test func encodingThenDecodingGivesBackTheFile() throws {
            let file = SafeTensorsFile(
                entries: [
                    "dense.weight": try SafeTensorsEntry(scalars: [0.5, -1, 2, 1e-30, .infinity, -0.0] as [Float], shape: [2, 3]),
                    "dense.bias": try SafeTensorsEntry(scalars: [1.0 / 3] as [Double], shape: []),
                    "mask": try SafeTensorsEntry(dtype: .bool, shape: [3], data: [1, 0, 1]),
                    "empty": try SafeTensorsEntry(scalars: [Float](), shape: [0, 4]),
                ],
                metadata: ["epoch": "3", "note": "naïve \"quoted\"\n\u{1}"])
            #expect(try SafeTensorsFile(bytes: file.encoded()) == file)
        }

        @Test func emptyFileMatchesReferenceBytes() throws {
            // From the reference implementation's own tests (safetensors/src/tensor.rs, test_empty).
            #expect(try SafeTensorsFile().encoded() == [8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32])
            let withMetadata = try SafeTensorsFile(metadata: ["framework": "pt"]).encoded()
            #expect(withMetadata == littleEndianBytes(40) + Array(#"{"__metadata__":{"framework":"pt"}}     "#.utf8))
        }

        @Test func writerOrdersByAlignmentThenNameAsTheReferenceDoes() throws {
            // The order Python's safetensors 0.8.0 gives one tensor of each type,
            // with the F6 types (which Python cannot write) placed by the Rust enum.
            let expectedOrder: [SafeTensorsDType] = [
                .uint64, .int64, .float64, .complex64, .float32, .uint32, .int32, .bfloat16, .float16, .uint16,
                .int16, .float8E5M2FNUZ, .float8E4M3FNUZ, .float8E8M0, .float8E4M3, .float8E5M2, .int8, .uint8,
                .float6E3M2, .float6E2M3, .float4, .bool,
            ]
            var file = SafeTensorsFile()
            for (index, dtype) in SafeTensorsDType.allCases.enumerated() {
                // Four elements fill whole bytes for every type; names sort against the dtype order.
                file.entries["t\(index)"] = try SafeTensorsEntry(
                    dtype: dtype, shape: [4], data: Array(repeating: 0, count: dtype.bitWidth / 2))
            }
            file.entries["a"] = try SafeTensorsEntry(dtype: .float32, shape: [1], data: [0, 0, 0, 0])
            file.entries["B"] = try SafeTensorsEntry(dtype: .float32, shape: [1], data: [0, 0, 0, 0])

            let bytes = try file.encoded()
            let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
            let header = try #require(
                JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: [String: Any]])
            let written = header.map { name, info in
                (name: name, dtype: info["dtype"] as? String ?? "", begin: (info["data_offsets"] as? [Int])?.first ?? -1)
            }.sorted { $0.begin < $1.begin }
            #expect(written.map(\.dtype) == expectedOrder.flatMap { $0 == .float32 ? ["F32", "F32", "F32"] : [$0.rawValue] })
            let float32Index = try #require(SafeTensorsDType.allCases.firstIndex(of: .float32))
            #expect(written.filter { $0.dtype == "F32" }.map(\.name) == ["B", "a", "t\(float32Index)"])
        }

        @Test func readsEveryConvertibleTypeWrittenByPython() throws {
            let file = try SafeTensorsFile(contentsOf: fixtureURL("reference_dtypes.safetensors"))
            #expect(file.metadata == ["format": "np", "source": "make_fixture.py"])
            #expect(Set(file.entries.keys) == ["f32", "f64", "f16", "bf16", "i64", "i32", "u8", "scalar", "empty"])

            let f32 = try #require(file.entries["f32"])
            #expect(f32.shape == [2, 3])
            #expect(try f32.scalars(as: Float.self) == [0.5, -1.25, 3, 1e-3, 0, 65504])
            #expect(try f32.scalars(as: Float.self)[4].sign == .minus)

            #expect(try file.entries["f64"]?.scalars(as: Double.self) == [1.0 / 3, -2.5e-300, 1e300])

            let f16 = try #require(try file.entries["f16"]?.scalars(as: Float.self))
            #expect(Array(f16[0..<8]) == [1, -2, 65504, 0x1p-14, 0x1p-24, 0x1p-15, .infinity, -.infinity])
            #expect(f16[8].isNaN)
            #expect(f16[9] == 0 && f16[9].sign == .minus)

            let bf16 = try #require(try file.entries["bf16"]?.scalars(as: Float.self))
            #expect(Array(bf16[0..<4]) == [1, -3, .infinity, -.infinity])
            #expect(bf16[4].isNaN)
            #expect(Array(bf16[5...]) == [0x1p-133, 0.333984375])

            #expect(try file.entries["i64"]?.scalars(as: Double.self) == [-3, 0, 0x1p40])
            #expect(file.entries["i32"]?.shape == [2, 2])
            #expect(try file.entries["i32"]?.scalars(as: Double.self) == [-2_147_483_648, 7, 42, -1])
            #expect(try file.entries["u8"]?.scalars(as: Float.self) == [0, 128, 255])
            #expect(file.entries["scalar"]?.shape == [])
            #expect(try file.entries["scalar"]?.scalars(as: Float.self) == [2.5])
            #expect(file.entries["empty"]?.shape == [0, 4])
            #expect(file.entries["empty"]?.data == [])
        }

        /// The content `make_fixture.py` saves with `safetensors.numpy.save_file`.
        func pythonFloat32Float64Content() throws -> SafeTensorsFile {
            SafeTensorsFile(
                entries: [
                    "layer.weight": try SafeTensorsEntry(scalars: [0, 0.25, 0.5, 0.75, 1, 1.25] as [Float], shape: [2, 3]),
                    "layer.bias": try SafeTensorsEntry(scalars: [-1.5, 0, 2.25] as [Float], shape: [3]),
                    "Bias": try SafeTensorsEntry(scalars: [7] as [Float], shape: [1]),
                    "scale": try SafeTensorsEntry(scalars: [Double.pi, -M_E], shape: [2]),
                    "é/\"quoted\"\\": try SafeTensorsEntry(scalars: [1] as [Double], shape: []),
                ],
                metadata: ["format": "np"])
        }

        @Test func encodingIsByteIdenticalToPython() throws {
            let python = try [UInt8](Data(contentsOf: fixtureURL("reference_float32_float64.safetensors")))
            let ours = try pythonFloat32Float64Content().encoded()
            #expect(ours.count == python.count)
            #expect(ours == python)
            #expect(try SafeTensorsFile(bytes: python) == pythonFloat32Float64Content())
        }

        @Test func writingToDiskIsByteIdenticalToPython() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("model.safetensors")
            try pythonFloat32Float64Content().write(to: url)
            let python = try Data(contentsOf: fixtureURL("reference_float32_float64.safetensors"))
            #expect(try Data(contentsOf: url) == python)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
        }

        @Test func metadataCannotNameATensor() throws {
            let file = SafeTensorsFile(entries: ["__metadata__": try SafeTensorsEntry(scalars: [1] as [Float], shape: [1])])
            #expect(throws: SafeTensorsError.reservedTensorName) { try file.encoded() }
        }
    }
}

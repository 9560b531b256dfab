import Foundation
import Testing
import NumSight

extension SerializationTests {
    @Suite struct AtomicFileWriterTests {
        struct Interrupted: Error {}

        func contents(of folder: URL) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        }

        @Test func writeReplacesContentsLeavingNoTemporaryFile() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("weights.bin")
            try AtomicFileWriter.write([1, 2, 3], to: url)
            try AtomicFileWriter.write(to: url) { file in
                try file.append([4, 5])
                try file.append([6])
            }
            #expect(try [UInt8](Data(contentsOf: url)) == [4, 5, 6])
            #expect(try contents(of: folder) == ["weights.bin"])
        }

        @Test func failingBodyLeavesDestinationUntouched() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("weights.bin")
            try AtomicFileWriter.write([1, 2, 3], to: url)
            #expect(throws: Interrupted.self) {
                try AtomicFileWriter.write(to: url) { file in
                    try file.append([9, 9, 9, 9])
                    throw Interrupted()
                }
            }
            #expect(try [UInt8](Data(contentsOf: url)) == [1, 2, 3])
            #expect(try contents(of: folder) == ["weights.bin"])
        }

        @Test func failingRenameLeavesDestinationUntouched() throws {
            // A folder that is not empty cannot be renamed over.
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let destination = folder.appendingPathComponent("weights.bin")
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
            try Data([7]).write(to: destination.appendingPathComponent("kept"))

            let error = try #require(throws: FileWriteError.self) {
                try AtomicFileWriter.write([1, 2, 3], to: destination)
            }
            #expect(error.operation == "rename over \(destination.path)")
            #expect(error.code == EISDIR)
            #expect(try contents(of: folder) == ["weights.bin"])
            #expect(try contents(of: destination) == ["kept"])
        }

        @Test func missingFolderFailsWithoutCreatingAnything() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("missing").appendingPathComponent("weights.bin")
            let error = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write([1], to: url) }
            #expect(error.operation == "create")
            #expect(error.code == ENOENT)
            #expect(try contents(of: folder) == [])
        }

        /// A writer killed mid-write (here a shell that writes the temporary file as
        /// `AtomicFileWriter` names it, then kills itself) leaves a stray that the next
        /// write to that destination removes; a live process's file and other files stay.
        @Test func nextWriteRemovesTemporaryFileOfKilledWriter() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("weights.bin")
            let crash = Process()
            crash.executableURL = URL(fileURLWithPath: "/bin/sh")
            crash.arguments = ["-c", #"printf partial > "$1/.weights.bin.$$.5eed.tmp"; kill -KILL $$"#, "sh", folder.path]
            try crash.run()
            crash.waitUntilExit()
            #expect(crash.terminationReason == .uncaughtSignal)
            let stray = ".weights.bin.\(crash.processIdentifier).5eed.tmp"
            let live = ".weights.bin.\(getpid()).5eed.tmp"
            let other = ".other.bin.\(crash.processIdentifier).5eed.tmp"
            for name in [live, other] { try Data([1]).write(to: folder.appendingPathComponent(name)) }
            #expect(try contents(of: folder) == [other, live, stray].sorted())

            try AtomicFileWriter.write([1, 2, 3], to: url)
            #expect(try contents(of: folder) == [other, live, "weights.bin"].sorted())
            #expect(try [UInt8](Data(contentsOf: url)) == [1, 2, 3])
        }

        @Test func invalidCheckpointLeavesPreviousOneUntouched() throws {
            let folder = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("model.safetensors")
            let good = SafeTensorsFile(entries: ["w": try SafeTensorsEntry(scalars: [1] as [Float], shape: [1])])
            try good.write(to: url)
            let bad = SafeTensorsFile(entries: ["__metadata__": try SafeTensorsEntry(scalars: [2] as [Float], shape: [1])])
            #expect(throws: SafeTensorsError.reservedTensorName) { try bad.write(to: url) }
            #expect(try SafeTensorsFile(contentsOf: url) == good)
            #expect(try contents(of: folder) == ["model.safetensors"])
        }
    }
}

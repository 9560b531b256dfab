import Foundation
import Glibc

/// `NumSightFuzz TARGET [libFuzzer options and corpus folders…]`: fuzzes one parser (see
/// ``FuzzTarget``) with libFuzzer when built with it, and otherwise replays the files given,
/// to reproduce a crash without the sanitizers:
///
///     swift build -c release --scratch-path .build/fuzz --product NumSightFuzz \
///         -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xlinker --export-dynamic
///     .build/fuzz/release/NumSightFuzz png -max_total_time=30 corpus/png
///     swift run NumSightFuzz png crash-0123abcd   # replay
///
/// SwiftPM's executables start at their own `main`, never at libFuzzer's, so this one starts
/// libFuzzer itself, through `LLVMFuzzerRunDriver`, which `--export-dynamic` makes visible.
@main
enum NumSightFuzz {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            printError("usage: NumSightFuzz TARGET [libFuzzer options and corpus folders | files to replay]\n"
                       + "TARGET is one of: \(names)")
            exit(2)
        }
        selectedTarget = target
        arguments.remove(at: 1)
        if let driver = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") {
            exit(runLibFuzzer(driver, arguments: arguments))
        }
        let files = arguments.dropFirst()
        if files.isEmpty {
            printError("NumSightFuzz was built without libFuzzer (see its doc comment): give files to replay")
            exit(2)
        }
        for path in files {
            guard let contents = FileManager.default.contents(atPath: path) else {
                printError("cannot read \(path)")
                exit(1)
            }
            target.run([UInt8](contents))
            print("\(path): no crash")
        }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The target libFuzzer's callback runs.
    nonisolated(unsafe) static var selectedTarget = FuzzTarget.inflate

    private typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    private typealias RunDriver = @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        TestOneInput
    ) -> Int32

    /// `LLVMFuzzerRunDriver(&argc, &argv, callback)` with `arguments` as the command line.
    private static func runLibFuzzer(_ driver: UnsafeMutableRawPointer, arguments: [String]) -> Int32 {
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var count = Int32(arguments.count)
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress!
            return unsafeBitCast(driver, to: RunDriver.self)(&count, &argv) { data, size in
                NumSightFuzz.selectedTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
                return 0
            }
        }
    }
}

#if canImport(Glibc)
@preconcurrency import Glibc   // `stdout`, a C global, for `setvbuf`
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import MNISTApp
import NumSight

#if DEBUG
FileHandle.standardError.write(Data("""
    warning: this is a debug build, in which training is many times slower.
             Build for release: swift run -c release MNISTExample

    """.utf8))
#endif

// Every line reaches a pipe or a log file as it is printed (C buffers whole blocks when
// standard output is not a terminal), even while `serve` runs on after training.
setvbuf(stdout, nil, _IOLBF, 0)
// Training and serving reuse the same large buffers at every step or request.
KernelConfiguration.keepFreedMemory()
exit(MNISTCommandLine.run(Array(CommandLine.arguments.dropFirst())))

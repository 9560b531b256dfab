import Foundation
import MNISTApp
import NumSight

#if DEBUG
FileHandle.standardError.write(Data("""
    warning: this is a debug build, in which training is many times slower.
             Build for release: swift run -c release MNISTExample

    """.utf8))
#endif

// Training and serving reuse the same large buffers at every step or request.
KernelConfiguration.keepFreedMemory()
exit(MNISTCommandLine.run(Array(CommandLine.arguments.dropFirst())))

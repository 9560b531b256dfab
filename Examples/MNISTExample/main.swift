import Foundation
import MNISTApp

#if DEBUG
FileHandle.standardError.write(Data("""
    warning: this is a debug build, in which training is many times slower.
             Build for release: swift run -c release MNISTExample

    """.utf8))
#endif

exit(MNISTCommandLine.run(Array(CommandLine.arguments.dropFirst())))

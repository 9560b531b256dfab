import Foundation
import Testing
@testable import MNIST

@Test func bundledMNISTFilesArePresent() {
    let names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    for name in names {
        let path = DataDirectory.bundledMNIST.appendingPathComponent(name).path
        #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
    }
}

import Foundation

/// Where the MNIST files that ship with the repository live.
public enum DataDirectory {
    /// `Examples/Data/mnist` in this checkout, found from this source file's location.
    public static var bundledMNIST: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Data
            .deletingLastPathComponent()  // MNIST
            .deletingLastPathComponent()  // Examples
            .appendingPathComponent("Data/mnist", isDirectory: true)
    }
}

import Foundation

/// The MNIST handwritten digits: 28×28 greyscale images and their labels 0–9.
///
/// Loads the four standard files (`train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`,
/// `t10k-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`, or the same names without
/// `.gz`) and checks that they fit together.
///
/// ```swift
/// let test = try MNISTDataset(split: .test)  // from DataDirectory.bundledMNIST
/// test.count              // 10000
/// test.labels.prefix(5)   // [7, 2, 1, 0, 4]
/// test.image(at: 0)       // 784 pixels, row by row
/// ```
public struct MNISTDataset: Sendable {
    /// Which half of MNIST: 60 000 training or 10 000 test digits.
    public enum Split: Sendable {
        case training, test

        /// The file name prefix: `train` or `t10k`.
        var filePrefix: String { self == .training ? "train" : "t10k" }
    }

    /// Pixels per image side.
    public static let imageSide = 28
    /// Pixels per image.
    public static let pixelsPerImage = imageSide * imageSide
    /// The number of classes: the digits 0–9.
    public static let classCount = 10

    /// All images, shape `[count, 28, 28]`, row-major; 0 is background, 255 full ink.
    public let images: [UInt8]
    /// The digit shown by each image, 0–9.
    public let labels: [UInt8]

    /// The number of examples.
    public var count: Int { labels.count }

    /// Loads one split from `directory`.
    public init(split: Split, directory: URL = DataDirectory.bundledMNIST) throws(MNISTError) {
        let images = try Self.readFile(named: "\(split.filePrefix)-images-idx3-ubyte", in: directory)
        let labels = try Self.readFile(named: "\(split.filePrefix)-labels-idx1-ubyte", in: directory)
        let side = Self.imageSide
        guard images.elementType == .uint8, images.shape.count == 3, images.shape[1...] == [side, side] else {
            throw .unexpectedShape(file: "images", expected: "[count, 28, 28] of uint8", actual: images.shape)
        }
        guard labels.elementType == .uint8, labels.shape.count == 1 else {
            throw .unexpectedShape(file: "labels", expected: "[count] of uint8", actual: labels.shape)
        }
        try self.init(images: images.data, labels: labels.data)
    }

    /// Creates a dataset from pixels (`[count, 28, 28]`) and labels, checking that they match.
    public init(images: [UInt8], labels: [UInt8]) throws(MNISTError) {
        guard images.count == labels.count * Self.pixelsPerImage else {
            throw .countMismatch(images: images.count / Self.pixelsPerImage, labels: labels.count)
        }
        if let index = labels.firstIndex(where: { $0 >= Self.classCount }) {
            throw .invalidLabel(labels[index], index: index)
        }
        self.images = images
        self.labels = labels
    }

    /// The 784 pixels of image `index`, row by row.
    public func image(at index: Int) -> ArraySlice<UInt8> {
        images[(index * Self.pixelsPerImage)..<((index + 1) * Self.pixelsPerImage)]
    }

    /// How many examples show each digit: `labelCounts[d]` for digit `d`.
    public var labelCounts: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: Self.classCount)) { $0[Int($1)] += 1 }
    }

    /// Reads `name.gz`, or else `name`, from `directory`.
    private static func readFile(named name: String, in directory: URL) throws(MNISTError) -> IDXFile {
        let candidates = [name + ".gz", name].map { directory.appendingPathComponent($0) }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw .missingFile(name: name + "[.gz]", directory: directory.path)
        }
        do {
            return try IDXFile(contentsOf: url)
        } catch {
            throw .invalidFile(name: url.lastPathComponent, error)
        }
    }
}

/// Why the MNIST files could not be loaded.
public enum MNISTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither the `.gz` nor the uncompressed file exists.
    case missingFile(name: String, directory: String)
    /// A file exists but is no valid IDX file.
    case invalidFile(name: String, IDXError)
    /// The images are not `[count, 28, 28]` or the labels not `[count]`, both `uint8`.
    case unexpectedShape(file: String, expected: String, actual: [Int])
    /// The images and labels files hold different numbers of examples.
    case countMismatch(images: Int, labels: Int)
    /// A label is not a digit 0–9.
    case invalidLabel(UInt8, index: Int)

    public var description: String {
        switch self {
        case let .missingFile(name, directory): "MNIST file \(name) not found in \(directory)"
        case let .invalidFile(name, error): "MNIST file \(name): \(error)"
        case let .unexpectedShape(file, expected, actual): "MNIST \(file) have shape \(actual), expected \(expected)"
        case let .countMismatch(images, labels): "MNIST has \(images) images but \(labels) labels"
        case let .invalidLabel(label, index): "MNIST label \(label) at index \(index) is not a digit 0–9"
        }
    }
}

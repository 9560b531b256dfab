/// How saved state differs from the model or optimiser it is loaded into: every
/// missing, unexpected and mis-shaped name at once, and the tensors whose values
/// cannot be loaded. Thrown by strict loading, returned by non-strict loading.
public struct StateMismatch: Error, Equatable, CustomStringConvertible, Sendable {
    /// A tensor whose shape differs from the one expected.
    public struct ShapeMismatch: Equatable, Sendable {
        /// The tensor's name.
        public var name: String
        /// The shape the model or optimiser has.
        public var expected: [Int]
        /// The shape found in the saved state.
        public var found: [Int]

        /// Creates a record of one mis-shaped tensor.
        public init(name: String, expected: [Int], found: [Int]) {
            (self.name, self.expected, self.found) = (name, expected, found)
        }
    }

    /// Names the model or optimiser has that the saved state lacks.
    public var missing: [String] = []
    /// Names in the saved state that the model or optimiser does not have.
    public var unexpected: [String] = []
    /// Tensors whose shapes differ.
    public var mismatchedShapes: [ShapeMismatch] = []
    /// Tensors holding NaN or an infinity (or a step count that is not a whole number ≥ 0).
    public var invalidValues: [String] = []

    /// Creates a mismatch report; empty by default.
    public init(missing: [String] = [], unexpected: [String] = [], mismatchedShapes: [ShapeMismatch] = [],
                invalidValues: [String] = []) {
        (self.missing, self.unexpected, self.mismatchedShapes, self.invalidValues) =
            (missing, unexpected, mismatchedShapes, invalidValues)
    }

    /// Whether the saved state matches exactly.
    public var isEmpty: Bool {
        missing.isEmpty && unexpected.isEmpty && mismatchedShapes.isEmpty && invalidValues.isEmpty
    }

    /// One line per kind of difference, naming every tensor.
    public var description: String {
        var lines: [String] = []
        if !missing.isEmpty { lines.append("missing from the saved state: \(missing.joined(separator: ", "))") }
        if !unexpected.isEmpty { lines.append("not in the model: \(unexpected.joined(separator: ", "))") }
        for shape in mismatchedShapes {
            lines.append("'\(shape.name)' has shape \(shape.found), the model expects \(shape.expected)")
        }
        if !invalidValues.isEmpty {
            lines.append("non-finite or invalid values in: \(invalidValues.joined(separator: ", "))")
        }
        return lines.isEmpty ? "the saved state matches" : lines.joined(separator: "\n")
    }

    /// The same lists in name order, so that reports compare equal.
    func sorted() -> StateMismatch {
        StateMismatch(missing: missing.sorted(), unexpected: unexpected.sorted(),
                      mismatchedShapes: mismatchedShapes.sorted { $0.name < $1.name },
                      invalidValues: invalidValues.sorted())
    }
}

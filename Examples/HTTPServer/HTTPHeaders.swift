/// Header fields in the order received, looked up without regard to case.
///
///     var headers: HTTPHeaders = ["Content-Type": "text/plain"]
///     headers["content-type"]  // "text/plain"
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: String)] = []

    /// No fields.
    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(value, for: name) }
    }

    /// All values of `name`, joined by `", "` as RFC 9110 §5.3 allows; setting replaces them all
    /// (`nil` removes the field).
    public subscript(name: String) -> String? {
        get {
            let values = values(for: name)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        set {
            let key = name.lowercased()
            fields.removeAll { $0.name.lowercased() == key }
            if let newValue { add(newValue, for: name) }
        }
    }

    /// Each value of `name`, in order.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Appends a field, keeping any existing ones with the same name.
    public mutating func add(_ value: String, for name: String) {
        fields.append((name, value))
    }

    public func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
        fields.makeIterator()
    }
}

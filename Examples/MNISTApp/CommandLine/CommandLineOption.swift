/// One option a subcommand accepts: `--name value`, or `--name` alone for a flag.
public struct CommandLineOption: Sendable {
    public let name: String
    /// What the value is called in the help (`N`, `PATH`); `nil` for a flag.
    public let valueName: String?
    public let help: String
    /// The value used when the option is absent, shown in the help.
    let defaultValue: String?

    public init(_ name: String, valueName: String? = nil, default defaultValue: String? = nil, help: String) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.defaultValue = defaultValue
    }

    var isFlag: Bool { valueName == nil }
}

/// A mistake in the command line: reported with the usage, exit status 2.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// The options and positional arguments given to a subcommand, validated against its options.
public struct ParsedArguments: Sendable {
    private var values: [String: String]
    private var flags: Set<String>
    /// Arguments that are not options, in order.
    public let positional: [String]

    /// Parses `arguments` (after the subcommand's name). `--help` is handled by the caller.
    public init(_ arguments: [String], options: [CommandLineOption]) throws(UsageError) {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            if option.isFlag {
                guard inlineValue == nil else { throw UsageError("'--\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            if let inlineValue {
                values[name] = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError("'--\(name)' needs a value (\(option.valueName!))") }
                values[name] = arguments[index]
                index += 1
            }
        }
        for option in options where !option.isFlag && values[option.name] == nil {
            values[option.name] = option.defaultValue
        }
        self.values = values
        self.flags = flags
        self.positional = positional
    }

    /// Whether the flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The option's text, or its default.
    func string(_ name: String) -> String? { values[name] }

    /// The option's value converted by `LosslessStringConvertible`, or an error naming the option.
    public func value<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self)
        throws(UsageError) -> Value? {
        guard let text = values[name] else { return nil }
        guard let value = Value(text) else { throw UsageError("'--\(name)' expects a value of type \(Value.self), not '\(text)'") }
        return value
    }

    /// Like `value(_:as:)`, for options that always have a value (a default).
    public func required<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self)
        throws(UsageError) -> Value {
        guard let value = try value(name, as: type) else { throw UsageError("'--\(name)' is required") }
        return value
    }

    /// Like `required(_:as:)`, and the value must satisfy `isValid`, which `requirement`
    /// describes: `try arguments.required("epochs", as: Int.self, "a positive whole number") { $0 > 0 }`
    /// answers `--epochs 0` with "'--epochs' must be a positive whole number, not '0'".
    public func required<Value: LosslessStringConvertible>(
        _ name: String, as type: Value.Type = Value.self, _ requirement: String, where isValid: (Value) -> Bool
    ) throws(UsageError) -> Value {
        let value = try required(name, as: type)
        guard isValid(value) else { throw UsageError("'--\(name)' must be \(requirement), not '\(values[name]!)'") }
        return value
    }
}

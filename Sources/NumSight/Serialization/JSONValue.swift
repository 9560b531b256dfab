/// A JSON document, parsed and printed exactly as much as the safetensors header
/// needs, with the reference writer's (serde_json's) compact spelling.
///
/// Objects keep their members in file order, repeated keys included, so the
/// caller decides what a repeated key means. Numbers keep their literal text,
/// so the caller decides whether `1.0` or `-0` counts as an integer.
///
///     let value = try JSONValue(parsing: Array(#"{"shape":[2,3]}"#.utf8))
///     value.serialized()  // the same bytes back
enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Arrays and objects nest at most this deep, as in serde_json, so that a
    /// hostile header cannot exhaust the stack.
    static let maximumDepth = 128

    /// Parses one JSON value, surrounded by optional whitespace, from UTF-8 `bytes`.
    ///
    /// - Throws: ``JSONSyntaxError`` naming the first offending byte.
    init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes)
        self = try parser.parseDocument()
    }

    /// The compact UTF-8 text of this value: no whitespace, members in order,
    /// strings escaped as serde_json escapes them.
    func serialized() -> [UInt8] {
        var output: [UInt8] = []
        append(to: &output)
        return output
    }

    private func append(to output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .number(let literal): output += Array(literal.utf8)
        case .string(let text): Self.appendQuoted(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.append(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendQuoted(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.append(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes `"`, `\` and control characters; everything else, non-ASCII
    /// included, is written as is (serde_json's choice, and so ours).
    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                output += Array("\\u00".utf8)
                output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// Why a JSON text could not be parsed, and where.
struct JSONSyntaxError: Error, Equatable {
    var reason: String
    /// Offset of the offending byte from the start of the text.
    var byteOffset: Int
}

import Foundation
import Glibc

/// Where the server writes one line per request:
///
///     GET /predict?top=3 200 57 1.84ms
///
/// method, request target, status code, body bytes sent and the time from the request's first
/// byte to its last response byte. A request too malformed to have a method or target shows `-`.
public struct AccessLog: Sendable {
    private let write: @Sendable (String) -> Void

    /// Hands each line, without its newline, to `write` (called from many threads at once).
    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Standard error, one `write(2)` per line so concurrent lines never interleave.
    public static let standardError = AccessLog { line in
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Discards every line.
    static let disabled = AccessLog { _ in }

    func record(method: String, target: String, status: HTTPStatus, bodyBytes: Int, duration: Duration,
                cause: String? = nil) {
        let milliseconds = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15
        var line = "\(method) \(target) \(status.code) \(bodyBytes) \(String(format: "%.2f", milliseconds))ms"
        if status.code >= 500, let cause {
            line += " cause: " + cause.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        write(line)
    }
}

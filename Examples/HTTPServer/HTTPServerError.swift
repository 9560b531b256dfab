import Glibc

/// Why an `HTTPServer` could not start.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// `host` is not a numeric address or a resolvable name.
    case cannotResolve(host: String)
    /// A socket call failed, e.g. `bind` with `EADDRINUSE`.
    case systemCall(String, errno: Int32)
    /// `start()` was called on a server that has already been started (a server runs once).
    case alreadyStarted

    public var description: String {
        switch self {
        case .cannotResolve(let host): "cannot resolve host \(host)"
        case .systemCall(let name, let code): "\(name) failed: \(String(cString: strerror(code)))"
        case .alreadyStarted: "the server has already been started"
        }
    }
}

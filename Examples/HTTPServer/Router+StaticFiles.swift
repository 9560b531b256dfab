import Foundation

extension Router {
    /// Serves the files in `folder` below the URL path `prefix`: `GET /static/app.js` answers with
    /// `folder/app.js`, and a folder path with its `index.html`.
    ///
    /// Any segment starting with `.` (so `..`, even percent-encoded, and hidden files) gets 403;
    /// a symbolic link out of `folder` gets 403; a missing file gets 404. Files carry an `ETag` and
    /// `Cache-Control: no-cache`, and a request that names the current tag gets 304 (see
    /// ``HTTPResponse/validated(for:cacheControl:)``).
    public mutating func serveFiles(at prefix: String, from folder: URL) {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        mount(at: prefix) { request in
            let relative = request.path.dropFirst(prefix.count)
            let segments = relative.split(separator: "/")
            guard !segments.contains(where: { $0.hasPrefix(".") || $0.contains("\0") }) else {
                throw HTTPError(.forbidden, "forbidden path")
            }
            var file = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
                file.appendPathComponent("index.html")
            }
            let resolved = file.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root.path + "/") else {
                throw HTTPError(.forbidden, "forbidden path")
            }
            return try HTTPResponse.file(at: URL(fileURLWithPath: resolved)).validated(for: request)
        }
    }
}

/// `Content-Type` values the server sends.
public enum MediaType {
    static let html = "text/html; charset=utf-8"
    static let css = "text/css; charset=utf-8"
    static let javaScript = "text/javascript; charset=utf-8"
    public static let json = "application/json"
    static let plainText = "text/plain; charset=utf-8"
    public static let png = "image/png"
    static let svg = "image/svg+xml"
    public static let octetStream = "application/octet-stream"

    /// The media type of a file from its extension (case-insensitive), `application/octet-stream` if unknown.
    static func forPathExtension(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": html
        case "css": css
        case "js", "mjs": javaScript
        case "json": json
        case "txt": plainText
        case "png": png
        case "svg": svg
        case "ico": "image/x-icon"
        case "jpg", "jpeg": "image/jpeg"
        case "wasm": "application/wasm"
        default: octetStream
        }
    }
}

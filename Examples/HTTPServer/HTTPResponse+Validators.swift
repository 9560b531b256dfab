import Foundation

extension HTTPResponse {
    /// This response with a strong `ETag` (a hash of the body) and `Cache-Control`, or, when
    /// `request`'s `If-None-Match` names that tag (or is `*`), `304 Not Modified` with the same
    /// fields and no body: a browser that revalidates a file it holds downloads it again only
    /// when it changed (RFC 9110 §13.1.2, RFC 9111 §5.2).
    ///
    ///     router.get("/model.bin") { request in HTTPResponse(contentType: …, body: bytes).validated(for: request) }
    ///
    /// The default `no-cache` lets a browser keep the file but ask each time whether it is
    /// still current: right for files that change when the model is trained again.
    public func validated(for request: HTTPRequest, cacheControl: String = "no-cache") -> HTTPResponse {
        guard status == .ok else { return self }
        var response = self
        let tag = Self.entityTag(of: body)
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = cacheControl
        let candidates = request.headers.values(for: "If-None-Match")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        // Weak comparison, as If-None-Match asks: `W/"x"` matches `"x"`.
        if candidates.contains(where: { $0 == "*" || $0 == tag || $0 == "W/" + tag }) {
            response.status = .notModified
            response.body = []
        }
        return response
    }

    /// `"<FNV-1a 64-bit hash of body, hex>-<byte count, hex>"`: a new body gets a new tag.
    static func entityTag(of body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return "\"\(String(hash, radix: 16))-\(String(body.count, radix: 16))\""
    }
}

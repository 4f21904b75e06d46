public import KapsoClient

/// Meta's Graph API error object, recognised by its shape: `{"error": {"message": "Unknown path components: /x",
/// "type": "OAuthException", "code": 2500, "fbtrace_id": "AbC"}}` (kapso-api.md §9.4).
///
/// Kapso's Platform API answers errors as `{"error": "text"}` (kapso-api.md §1.5); only its Meta proxy relays Graph's
/// object. So Graph's object in answer to a Platform API path (`/platform/v1/...`) means the base URL is Meta's Graph
/// API (`https://graph.facebook.com`, which Meta's docs use) or a host in front of it, not Kapso's (probe9 P9-17).
public struct GraphErrorObject: Sendable, Equatable {
    /// `OAuthException`, `GraphMethodException`, ...
    public var type: String
    /// Graph's numeric code (2500 unknown path, 100 with subcode 33 unknown object, 190 bad token).
    public var code: Int
    public var subcode: Int?
    public var message: String
    public var traceID: String?

    /// Nil unless `json` is Graph's error object: `error` an object with a string `type`, a `message` and an integer
    /// `code` (SDK-JS copes with a string code too, so `"100"` counts).
    public init?(_ json: JSONValue) {
        guard let error = json["error"], error.object != nil, let type = error["type"]?.string, !type.isEmpty,
            let message = error["message"]?.string,
            let code = error["code"]?.int ?? error["code"]?.string.flatMap({ Int($0) })
        else { return nil }
        self.type = type
        self.code = code
        subcode = error["error_subcode"]?.int
        self.message = message
        traceID = error["fbtrace_id"]?.string
    }

    /// `OAuthException 2500`, `GraphMethodException 100/33`: how Graph names it.
    public var label: String {
        "\(type) \(code)" + (subcode.map { "/\($0)" } ?? "")
    }
}

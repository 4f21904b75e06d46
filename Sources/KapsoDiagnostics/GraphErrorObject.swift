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

    /// Nil unless a refused send was Graph's error object (with a `type` and an integer code); `path` becomes nil.
    public init?(_ rejection: MetaSendError) {
        guard let type = rejection.type, !type.isEmpty, let code = rejection.code.flatMap({ Int($0) }) else { return nil }
        self.type = type
        self.code = code
        subcode = rejection.subcode
        message = rejection.message
        traceID = rejection.traceID
    }

    /// `OAuthException 2500`, `GraphMethodException 100/33`: how Graph names it.
    public var label: String {
        "\(type) \(code)" + (subcode.map { "/\($0)" } ?? "")
    }

    /// True when Graph's text names a piece of Kapso's own paths as what it cannot find: `Unknown path components:
    /// /meta/whatsapp/v24.0/…` (code 2500) or `Object with ID 'meta' does not exist` (100/33). Kapso's Meta proxy
    /// sends Graph `/v24.0/{phone-number id}/messages` (kapso-api.md §1.1, §9), never its own `/meta/whatsapp`
    /// prefix, so such an answer to a Meta proxy path came from Graph itself or a host that passed the path to it as
    /// it was, not from Kapso relaying Meta's refusal [uncertain: Graph's words for an unknown first segment, as in
    /// probe9's stand-in and Graph's own 2500 and 100/33 messages].
    public var namesKapsoPath: Bool {
        let text = message.lowercased()
        return ["'meta'", "'platform'", "/meta/whatsapp", "/platform/v1", "components: /meta", "components: /platform"]
            .contains { text.contains($0) }
    }
}

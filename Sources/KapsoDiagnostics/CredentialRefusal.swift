public import KapsoClient

/// Whose credential an HTTP 401 refused, read from the answer's body before its status: the Kapso project API key sent
/// in `X-API-Key`, or the number's Meta access token that Kapso's proxy uses behind it.
///
/// Both come back as 401 on the Meta proxy. Meta lists code 190 "Access token has expired" and code 0 "AuthException"
/// ("We were unable to authenticate the app user") with HTTP 401 (Meta, WhatsApp Cloud API error codes:
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes), and Graph's
/// token-validation failures carry an authentication subcode: 458 app not installed, 459 user checkpointed, 460
/// password changed, 463 expired, 464 unconfirmed user, 467 invalid access token, 492 invalid session (Meta, Graph API
/// "Handling Errors": https://developers.facebook.com/docs/graph-api/guides/error-handling), with messages such as
/// "Error validating access token: Session has expired …". kapso-api.md §9.5: 190 means the number's Meta access token
/// is dead, reconnect the number; the API key cannot fix it. Kapso's own refusal of a key on the proxy is a Graph-shaped
/// 401 too (§9.3 "bad/missing key"); kapso-sim's says code 190 "Invalid API key" with details naming the X-API-Key header
/// (§12). So only a positive sign of Meta's token error, and no word about the API key, makes it the number's token;
/// anything else stays the key, as before (a proxy's or CDN's plain "Unauthorized" page included).
public enum CredentialRefusal: Sendable, Equatable {
    /// The Kapso project API key (the caller's `X-API-Key`).
    case projectKey
    /// The number's Meta access token, with the Graph code (`190`, `0`) that says so.
    case numberToken(code: String)

    /// Graph's authentication subcodes of a token that no longer validates (Meta, Graph API "Handling Errors").
    public static let tokenSubcodes: Set<Int> = [458, 459, 460, 463, 464, 467, 492]

    /// Reads a 401's Graph error fields.
    public init(code: String?, subcode: Int?, message: String?, details: String?) {
        let text = ((message ?? "") + " " + (details ?? "")).lowercased()
        // Kapso's refusal of the key names it (kapso-sim: "Invalid API key", details naming the X-API-Key header).
        if text.contains("api key") || text.contains("api_key") || text.contains("x-api-key") {
            self = .projectKey
            return
        }
        switch code {
        case "190"?:
            // Kapso's own health example quotes Meta's "Invalid OAuth access token - Cannot parse access token" (code 190)
            // as a number's token failure (openapi-platform.yaml, health `unhealthy_invalid_token`).
            let metaText = text.contains("error validating access token") || text.contains("session has expired")
                || text.contains("session has been invalidated") || text.contains("invalid oauth access token")
            self = metaText || subcode.map(Self.tokenSubcodes.contains) == true ? .numberToken(code: "190") : .projectKey
        case "0"?:
            self = text.contains("unable to authenticate the app user") ? .numberToken(code: "0") : .projectKey
        default:
            self = .projectKey
        }
    }

    /// Reads a 401's Graph error object (`KapsoAPIError.unauthorized`'s `graph`).
    public init(graph: MetaSendError) {
        self.init(code: graph.code, subcode: graph.subcode, message: graph.message, details: graph.details)
    }

    /// What a 401 that is the number's token says, for any call (a send, a template list): `the number's Meta access
    /// token was refused, not the Kapso API key: HOST answered 401 with Meta's #190 (subcode 463) "Error validating …":
    /// the number's Meta access token no longer works; reconnect the number (Kapso setup link or support); the API cannot
    /// fix it`. Server text is cut at 120 characters. Nil for the project key.
    public func line(host: String, graph: MetaSendError) -> String? {
        guard case .numberToken(let code) = self else { return nil }
        let entry = ErrorCatalog.entry(for: code)
        let subcode = graph.subcode.map { " (subcode \($0))" } ?? ""
        let said = Self.short(graph.message).map { " \"\($0)\"" } ?? ""
        return "the number's Meta access token was refused, not the Kapso API key: \(host) answered 401 with Meta's "
            + "#\(code)\(subcode)\(said): \(entry?.meaning ?? "the number's Meta access token no longer works"); "
            + (entry?.fix ?? "reconnect the number (Kapso setup link or support); the API cannot fix it")
    }

    /// The clause a send's refusal adds after its code's meaning: why a 401 is not the key.
    public static let notTheKey = "the 401 is Meta's token error, not Kapso refusing the API key"

    private static func short(_ text: String) -> String? {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }))
        guard !kept.isEmpty else { return nil }
        return kept.count > 120 ? String(kept.prefix(120)) + "…" : kept
    }
}

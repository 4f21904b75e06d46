/// A send refused by the Meta proxy, from any of its error shapes (kapso-api.md §9.3–9.4).
///
/// Graph: `{"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}, "fbtrace_id"}}`;
/// Kapso: `{"error": "text", "code": "insufficient_credits"}`; bare: `{"error": "text"}` (409 in-flight).
public struct MetaSendError: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// Graph's numeric code as text (`131047`), Kapso's string code, or nil for a bare error.
    public var code: String?
    public var message: String
    public var details: String?
    public var traceID: String?
    /// Graph's `error_subcode` (33 with code 100: the path's object cannot be used), nil when absent.
    public var subcode: Int?
    /// The request's URL or path (`…/meta/whatsapp/v24.0/{phone-number id}/messages`), set by `send`: the id Graph
    /// refuses is in it. Nil when not known.
    public var path: String?
    /// Graph's `type` (`OAuthException`, `GraphMethodException`), nil for Kapso's own shape or when absent.
    public var type: String?
    /// Graph's `error_user_title` and `error_user_msg`: Meta's words for the user (Graph API error handling,
    /// https://developers.facebook.com/docs/graph-api/guides/error-handling), nil when absent.
    public var userTitle: String? = nil
    public var userMessage: String? = nil
    /// Graph's `is_transient` when the error carried a JSON boolean there, nil otherwise; what it means for a retry is
    /// KapsoDiagnostics' (`ErrorCatalog.Entry.retry(transient:)`).
    public var transient: Bool? = nil

    public init(
        status: Int, code: String?, message: String, details: String? = nil, traceID: String? = nil, subcode: Int? = nil,
        path: String? = nil, type: String? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.traceID = traceID
        self.subcode = subcode
        self.path = path
        self.type = type
    }

    /// Reads an error body; nil when it has none of the known shapes.
    public init?(status: Int, json: JSONValue) {
        func text(_ value: JSONValue?) -> String? { value?.int.map(String.init) ?? value?.string }
        if let graph = json["error"]?.object {
            self.init(
                status: status, code: text(graph["code"]), message: graph["message"]?.string ?? "no error message",
                details: graph["error_data"]?["details"]?.string, traceID: graph["fbtrace_id"]?.string,
                subcode: graph["error_subcode"]?.int ?? graph["error_subcode"]?.string.flatMap { Int($0) },
                type: graph["type"]?.string)
            userTitle = graph["error_user_title"]?.string
            userMessage = graph["error_user_msg"]?.string
            transient = graph["is_transient"]?.bool
        } else if let message = json["error"]?.string {
            // Kapso's 409 send lock has no code; the catalog knows it as `409`.
            self.init(status: status, code: text(json["code"]) ?? (status == 409 ? "409" : nil), message: message)
        } else {
            return nil
        }
    }
}

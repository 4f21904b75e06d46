/// One row of `GET /api_logs`: a call made with one of the project's API keys.
public struct APILog: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id")], in: json, of: "API log")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    public var endpoint: String { json["endpoint"]?.string ?? "" }
    public var httpMethod: String { json["http_method"]?.string ?? "" }
    /// `response_status` (kapso-api.md §5: an integer), digits in a string read as their number (`JSONValue.integer`); 0
    /// when missing or unreadable.
    public var responseStatus: Int { json["response_status"]?.integer ?? 0 }
    public var responseTimeMS: Int? { json["response_time_ms"]?.integer }
    public var errorMessage: String? { json["error_message"]?.string }
    public var createdAt: String { json["created_at"]?.string ?? "" }
    public var apiKeyName: String? { json["api_key_name"]?.string }
    /// The id of the API key the call was made with (a UUID), when the log names one.
    public var apiKeyID: String? { json["api_key_id"]?.string }
}

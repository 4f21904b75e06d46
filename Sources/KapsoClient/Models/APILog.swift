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
    /// `response_status` (an integer, https://docs.kapso.ai/api/platform/v1/api-logs/list-api-logs), read as `JSONValue.recordedHTTPStatus`
    /// reads it (`"400"`, `" 400"`, `"HTTP 400"` → 400); 0 when missing, 0, or no HTTP status (`unreadableResponseStatus`).
    public var responseStatus: Int { Self.responseStatus(in: json) }
    /// `responseStatus` of a log row held as its JSON object (`errors`' entries keep the row so): one reading of
    /// `response_status` for `logs`, `errors` and `overview` (tester64b U8: `errors` grouped `"500"` and `"429"` as status 0).
    public static func responseStatus(in json: JSONObject) -> Int {
        guard let status = json["response_status"]?.recordedHTTPStatus, (100...599).contains(status) else { return 0 }
        return status
    }
    /// The recorded `response_status` when it is there but holds no HTTP status (`"4e2"`, `-400`, `"４００"`): kops cannot
    /// say whether the call failed (tester63b AO7: such calls were shown as status 0 and left out of the error views
    /// without a word). Nil when it is a status, missing, `null` or 0.
    public var unreadableResponseStatus: JSONValue? {
        guard let value = json["response_status"], !value.isNull, value.recordedHTTPStatus != 0 else { return nil }
        if let status = value.recordedHTTPStatus, (100...599).contains(status) { return nil }
        return value
    }
    public var responseTimeMS: Int? { json["response_time_ms"]?.integer }
    public var errorMessage: String? { json["error_message"]?.string }
    public var createdAt: String { json["created_at"]?.string ?? "" }
    public var apiKeyName: String? { json["api_key_name"]?.string }
    /// The id of the API key the call was made with (a UUID), when the log names one.
    public var apiKeyID: String? { json["api_key_id"]?.string }
}

/// One attempt log row of `GET /webhook_deliveries`: which event went to which webhook, and how it went.
public struct WebhookDelivery: Sendable {
    public let json: JSONObject

    public init(json: JSONObject) throws(KapsoAPIError) {
        guard json["id"]?.string != nil, json["status"]?.string != nil else {
            throw .badShape("webhook delivery without 'id' or 'status'")
        }
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    public var event: String { json["event"]?.string ?? "-" }
    /// `pending` (retries remain), `delivered` or `failed`.
    public var status: String { json["status"]?.string ?? "" }
    /// `response_status` as recorded: the HTTP status of the last attempt, with `0` or nil for no HTTP answer. Read
    /// it through KapsoDiagnostics' `DeliveryAnswer` (`delivery.answer`), which says which.
    public var recordedResponseStatus: Int? { json["response_status"]?.int }
    public var attemptCount: Int { json["attempt_count"]?.int ?? 0 }
    public var createdAt: String { json["created_at"]?.string ?? "" }
    public var lastAttemptAt: String? { json["last_attempt_at"]?.string }
    public var webhookID: String { json["webhook_id"]?.string ?? "" }
    public var webhookURL: String { json["webhook_url"]?.string ?? "" }
    public var phoneNumberID: String? { json["phone_number_id"]?.string }
}

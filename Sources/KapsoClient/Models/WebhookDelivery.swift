/// One attempt log row of `GET /webhook_deliveries`: which event went to which webhook, and how it went.
public struct WebhookDelivery: Sendable {
    public let json: JSONObject

    /// Only `id` is required: a delivery without a readable `status` is listed with none (tester63 AN18: one such row
    /// ended `deliveries` and `deliveries --all` at its page, "unexpected response (HTTP 200): webhook delivery without a
    /// 'status'", and the deliveries after it were never shown); the readings judge it by its HTTP answer.
    public init(json: JSONObject) throws(KapsoAPIError) {
        try RequiredField.check([.string("id")], in: json, of: "webhook delivery")
        self.json = json
    }

    public var id: String { json["id"]?.string ?? "" }
    public var event: String { json["event"]?.string ?? "-" }
    /// `pending` (retries remain), `delivered` or `failed`; empty when the row has none (or not as a string).
    public var status: String { json["status"]?.string ?? "" }
    /// `response_status` as recorded, unread: the HTTP status of the last attempt, `0` or null for no HTTP answer, or
    /// a value of another type (`"500"`, `-1`). Read it through KapsoDiagnostics' `DeliveryAnswer` (`delivery.answer`),
    /// which tells a status, no answer and a value it cannot read apart (tester54 V23).
    public var recordedResponseStatus: JSONValue? { json["response_status"] }
    /// `attempt_count` (kapso-api.md §4: an int): how many times Kapso tried; nil when the field is missing or holds no
    /// count (negative, fractional, beyond `Int`, text), which is unreadable, never 0 tries (tester54 V23).
    public var attemptCount: Int? { Self.attemptCount(json["attempt_count"]) }

    /// An `attempt_count` value read as `attemptCount` reads it: a whole number from 0, else nil.
    public static func attemptCount(_ value: JSONValue?) -> Int? {
        guard let count = value?.int, count >= 0 else { return nil }
        return count
    }
    public var createdAt: String { json["created_at"]?.string ?? "" }
    public var lastAttemptAt: String? { json["last_attempt_at"]?.string }
    public var webhookID: String { json["webhook_id"]?.string ?? "" }
    public var webhookURL: String { json["webhook_url"]?.string ?? "" }
    public var phoneNumberID: String? { json["phone_number_id"]?.string }
}

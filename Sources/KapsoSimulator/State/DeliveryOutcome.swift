/// How a webhook delivery went: the status fields of a delivery row.
enum DeliveryOutcome: Sendable, Equatable {
    /// Answered 2xx on attempt `attempts`.
    case delivered(status: Int = 200, attempts: Int = 1)
    /// Still being retried after `attempts` failed attempts; `status` nil = timeout / no connection.
    case retrying(status: Int?, attempts: Int)
    /// Gave up after `attempts`; `status` nil = timeout / no connection.
    case failed(status: Int?, attempts: Int = 4)

    /// Seconds after creation of each attempt: +0, then 10, 40 and 90 s after each failure.
    static func attemptOffset(_ attempt: Int) -> Int64 {
        [0, 0, 10, 50, 140][min(max(attempt, 0), 4)]
    }

    /// The row's status fields, their times counted from `createdAt` by the retry schedule.
    struct Fields {
        var status: JSONValue
        var attemptCount: JSONValue
        var createdAt: JSONValue
        var responseStatus: JSONValue
        var deliveredAt: JSONValue
        var failedAt: JSONValue
        var lastAttemptAt: JSONValue
    }

    func fields(createdAt: Timestamp) -> Fields {
        let (status, attempts, response): (String, Int, JSONValue) =
            switch self {
            case .delivered(let code, let attempts): ("delivered", attempts, .int(code))
            case .retrying(let code, let attempts): ("pending", attempts, JSONValue(code))
            case .failed(let code, let attempts): ("failed", attempts, JSONValue(code))
            }
        let last = JSONValue.string(createdAt.adding(seconds: Self.attemptOffset(attempts)).iso)
        return Fields(
            status: .string(status), attemptCount: .int(attempts), createdAt: .string(createdAt.iso),
            responseStatus: response, deliveredAt: status == "delivered" ? last : .null,
            failedAt: status == "failed" ? last : .null, lastAttemptAt: last)
    }

    /// Overwrites the status fields of an existing delivery row.
    func write(into row: inout JSONObject, createdAt: Timestamp) {
        let fields = fields(createdAt: createdAt)
        row["status"] = fields.status
        row["attempt_count"] = fields.attemptCount
        row["response_status"] = fields.responseStatus
        row["delivered_at"] = fields.deliveredAt
        row["failed_at"] = fields.failedAt
        row["last_attempt_at"] = fields.lastAttemptAt
    }
}

/// The webhook fields every delivery row to it repeats, read from the webhook once.
struct DeliveryTarget: Sendable {
    var webhookID: JSONValue
    var url: JSONValue
    var phoneNumberID: JSONValue
    /// The Kapso id (`internal_id`) of the webhook's number, if it has one.
    var configID: JSONValue

    init(webhook: JSONObject, configID: JSONValue) {
        webhookID = webhook["id"] ?? .null
        url = webhook["url"] ?? .null
        phoneNumberID = webhook["phone_number_id"] ?? .null
        self.configID = configID
    }

    /// A delivery row as in `fixtures/webhook_deliveries.list.json`, keys in the API's order.
    func row(id: String, event: String, fields: DeliveryOutcome.Fields, contact: String?) -> JSONObject {
        [
            "id": .string(id), "event": .string(event), "status": fields.status,
            "attempt_count": fields.attemptCount, "created_at": fields.createdAt,
            "response_status": fields.responseStatus, "delivered_at": fields.deliveredAt,
            "failed_at": fields.failedAt, "last_attempt_at": fields.lastAttemptAt, "webhook_id": webhookID,
            "webhook_url": url, "whatsapp_config_id": configID, "phone_number_id": phoneNumberID,
            "conversation_phone_number": JSONValue(contact),
        ]
    }
}

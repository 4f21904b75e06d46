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

    /// `status`, `attempt_count`, `created_at`, `response_status`, `delivered_at`, `failed_at`, `last_attempt_at`.
    func fields(createdAt: Timestamp) -> JSONObject {
        switch self {
        case .delivered(let status, let attempts):
            let last = createdAt.adding(seconds: Self.attemptOffset(attempts))
            return row("delivered", attempts, createdAt, .int(status), delivered: .string(last.iso), failed: .null)
        case .retrying(let status, let attempts):
            return row("pending", attempts, createdAt, JSONValue(status), delivered: .null, failed: .null)
        case .failed(let status, let attempts):
            let last = createdAt.adding(seconds: Self.attemptOffset(attempts))
            return row("failed", attempts, createdAt, JSONValue(status), delivered: .null, failed: .string(last.iso))
        }
    }

    private func row(
        _ status: String, _ attempts: Int, _ createdAt: Timestamp, _ response: JSONValue, delivered: JSONValue,
        failed: JSONValue
    ) -> JSONObject {
        let last = createdAt.adding(seconds: Self.attemptOffset(attempts))
        return [
            "status": .string(status), "attempt_count": .int(attempts), "created_at": .string(createdAt.iso),
            "response_status": response, "delivered_at": delivered, "failed_at": failed,
            "last_attempt_at": .string(last.iso),
        ]
    }
}

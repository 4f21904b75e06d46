import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe44 P44-3: a delivery still pending hours after an attempt answered with an error has failed so far (P43-3's
/// rule), so a receiver whose newest delivery is such a one has not "recovered" and is not "working": `errors` (the
/// headline) and `webhooks check` say the newest delivery is stuck after the error.
@Suite struct StuckAfterErrorTests {
    /// 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400

    static func webhook() throws -> Webhook {
        try Webhook(json: [
            "id": "w1", "url": "https://hooks.example.com/k", "kind": "kapso", "events": ["whatsapp.message.sent"], "active": true,
            "phone_number_id": "100", "created_at": "2026-10-01T00:00:00Z", "updated_at": "2026-10-01T00:00:00Z",
        ])
    }

    static func delivery(_ id: String, _ status: String, _ http: Int?, hoursAgo: Int64, attempts: Int = 1) -> WebhookVerdict.Delivery {
        let created = now - hoursAgo * 3_600
        return WebhookVerdict.Delivery(
            id: id, event: "whatsapp.message.sent", status: status, http: http, attempts: attempts, created: created,
            lastAttempt: created + 10, url: "https://hooks.example.com/k")
    }

    static let history = (0..<6).map { delivery("old\($0)", "delivered", 200, hoursAgo: 60 - Int64($0)) }

    /// Failed at 30 h, delivered at 22 h, then pending after a 503 since 21 h: not recovered.
    @Test func aStuckDeliveryAfterAnErrorIsNoRecovery() throws {
        let verdict = WebhookVerdict(
            try Self.webhook(),
            deliveries: Self.history + [
                Self.delivery("f", "failed", 500, hoursAgo: 30, attempts: 4), Self.delivery("d", "delivered", 200, hoursAgo: 22),
                Self.delivery("p", "pending", 503, hoursAgo: 21, attempts: 2),
            ], now: Self.now)
        #expect(verdict.state == .stuckAfterError(count: 1, delivered: 1, lastFailure: Self.now - 30 * 3_600))
        #expect(verdict.level == .warning)
        #expect(verdict.headline
            == "the last delivery (created 2026-11-20T15:00:00Z) is pending after HTTP 503 and stuck; 1 of the 2 since its last "
                + "failure at 2026-11-20T06:00:00Z was delivered")
        let check = WebhookCheck(
            webhooks: [try Self.webhook()], deliveries: ["w1": verdict.current + verdict.stuck], period: "7d", coverageFor: nil,
            projectNumbers: ["100"], now: Self.now, inbound: [])
        let problems = check.findings.map(\.problem)
        #expect(!problems.contains { $0.contains("the one delivery since was delivered") }, "\(problems)")
        #expect(problems.contains {
            $0.hasPrefix("1 of 8 deliveries failed in the last 7d (13 %), the last at 2026-11-20T06:00:00Z (1 d 6 h ago) (HTTP 500); "
                + "of the 2 deliveries since, 1 was delivered (the last delivered at 2026-11-20T14:00:00Z (22 h ago)), but the newest, "
                + "created at 2026-11-20T15:00:00Z (21 h ago), is pending after HTTP 503 and stuck: no recovery")
        }, "\(problems)")
    }

    /// Variants: a delivery since the stuck one was delivered (recovered, as before); a stuck delivery with no answer is
    /// not counted (it may not have been attempted); without any failure, the stuck 503 still ends "working".
    @Test func onlyAStuckErrorNewerThanEverySettledDeliveryCounts() throws {
        let hook = try Self.webhook()
        let failed = Self.delivery("f", "failed", 500, hoursAgo: 30, attempts: 4)
        let older = WebhookVerdict(
            hook, deliveries: Self.history + [failed, Self.delivery("p", "pending", 503, hoursAgo: 25, attempts: 2),
                Self.delivery("d", "delivered", 200, hoursAgo: 22)], now: Self.now)
        #expect(older.state == .recovered(count: 1, lastFailure: Self.now - 30 * 3_600))
        let silent = WebhookVerdict(
            hook, deliveries: Self.history + [failed, Self.delivery("d", "delivered", 200, hoursAgo: 22),
                Self.delivery("p", "pending", nil, hoursAgo: 21, attempts: 0)], now: Self.now)
        #expect(silent.state == .recovered(count: 1, lastFailure: Self.now - 30 * 3_600))
        let working = WebhookVerdict(
            hook, deliveries: Self.history + [Self.delivery("p", "pending", 503, hoursAgo: 21, attempts: 2)], now: Self.now)
        #expect(working.state == .stuckAfterError(count: 1, delivered: 6, lastFailure: nil))
        #expect(working.headline == "the last delivery (created 2026-11-20T15:00:00Z) is pending after HTTP 503 and stuck; the 6 before it were delivered")
    }
}

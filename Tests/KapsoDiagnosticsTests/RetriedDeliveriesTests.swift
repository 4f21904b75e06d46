import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// tester49 F3: a receiver whose every delivery needed 2–3 attempts (delivered, `attempt_count` above 1) read "0 errors,
/// 0 warnings" in `webhooks check` and a failure rate of 0 % in `deliveries stats`. Each attempt before the last got no
/// 200 within Kapso's 10 s (docs.kapso.ai/docs/platform/webhooks; kapso-api.md §10.2–10.3): said with its counts, as a
/// warning when it is the receiver's pattern and as info when it is one delivery among many.
@Suite struct RetriedDeliveriesTests {
    static let now = StuckAfterErrorTests.now

    static func delivered(_ index: Int, attempts: Int, delay: Int64) -> WebhookVerdict.Delivery {
        let created = now - 86_400 + Int64(index) * 60
        return WebhookVerdict.Delivery(
            id: "d\(index)", event: "whatsapp.message.sent", status: "delivered", http: 200, attempts: attempts, created: created,
            lastAttempt: created + delay, url: "https://hooks.example.com/k")
    }

    static func check(_ deliveries: [WebhookVerdict.Delivery]) throws -> WebhookCheck {
        WebhookCheck(
            webhooks: [try StuckAfterErrorTests.webhook()], deliveries: ["w1": deliveries], period: "7d", coverageFor: nil,
            projectNumbers: ["100"], now: now, inbound: [])
    }

    @Test func everyDeliveryRetriedIsAWarningWithCountsAndDelays() throws {
        let deliveries = (0..<40).map { Self.delivered($0, attempts: $0 % 3 == 0 ? 3 : 2, delay: $0 % 3 == 0 ? 50 : 10) }
        let findings = try Self.check(deliveries).findings
        let retried = try #require(findings.first { $0.problem.contains("needed a retry") }, "\(findings.map(\.problem))")
        #expect(retried.severity == .warning)
        #expect(retried.problem.hasPrefix(
            "40 of 40 deliveries delivered in the last 7d needed a retry (2–3 attempts; delivered 10 s–50 s after they were created; "
                + "the newest created at 2026-11-20T12:39:00Z (23 h 21 min ago)): in each, the attempts before the last got no 200 "
                + "within Kapso's 10 s"), "\(retried.problem)")
        #expect(retried.problem.contains("which is unknown"), "\(retried.problem)")
        #expect(retried.fix.contains("answer 200 first") && retried.fix.contains("X-Idempotency-Key"), "\(retried.fix)")
        #expect(retried.fix.contains("'deliveries --webhook w1 --period 7d'"), "\(retried.fix)")
    }

    /// One retried delivery among 200 is a count (info), not the receiver's pattern; none retried is no finding, and a
    /// failed delivery's attempts are the failure findings' business, not this one's.
    @Test func aRareRetryIsInfoAndNoRetryIsNothing() throws {
        var deliveries = (0..<200).map { Self.delivered($0, attempts: 1, delay: 0) }
        let clean = try Self.check(deliveries).findings
        #expect(!clean.contains { $0.problem.contains("retry") }, "\(clean.map(\.problem))")
        deliveries[7] = Self.delivered(7, attempts: 2, delay: 10)
        let findings = try Self.check(deliveries).findings
        let retried = try #require(findings.first { $0.problem.contains("needed a retry") }, "\(findings.map(\.problem))")
        #expect(retried.severity == .info)
        #expect(retried.problem.hasPrefix(
            "1 of 200 deliveries delivered in the last 7d needed a retry (2 attempts; delivered 10 s after it was created; "
                + "the newest created at 2026-11-20T12:07:00Z (23 h 53 min ago)): its attempts before the last got no 200"),
            "\(retried.problem)")
        let verdict = WebhookVerdict(try StuckAfterErrorTests.webhook(), deliveries: deliveries, now: Self.now)
        #expect(verdict.retried?.isPattern == false)
        let failed = WebhookVerdict.Delivery(
            id: "f", event: "whatsapp.message.sent", status: "failed", http: 500, attempts: 4, created: Self.now - 600,
            url: "https://hooks.example.com/k")
        let withFailure = WebhookVerdict(
            try StuckAfterErrorTests.webhook(), deliveries: (0..<5).map { Self.delivered($0, attempts: 1, delay: 0) } + [failed],
            now: Self.now)
        #expect(withFailure.retried == nil)
    }

    @Test func statsCountDeliveredAfterRetryPerWebhook() throws {
        var stats = DeliveryStats()
        for (index, attempts) in [2, 3, 1].enumerated() {
            stats.add(try Probe40DiagnosticsTests.delivery(["id": .string("r\(index)"), "attempt_count": .number(String(attempts))]))
        }
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "f", "status": "failed", "attempt_count": 4, "response_status": 500]))
        let hook = try #require(stats.byWebhook["w1"])
        #expect(hook.retried == 2 && hook.failed == 1 && stats.retried == 2)
        let json = stats.json.object
        #expect(json?["delivered_after_retry"]?.int == 2, "\(stats.json)")
        #expect(json?["webhooks"]?.array?.first?.object?["delivered_after_retry"]?.int == 2, "\(stats.json)")
    }
}

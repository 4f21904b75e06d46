import KapsoClient
import KapsoDiagnostics
import Testing

/// probe43 P43-3: `deliveries stats` and `overview` counted only `failed` deliveries, so a receiver answering 500 to
/// every attempt read "0 failed, 0 %" while Kapso retried (its deliveries stay `pending` for about 2.5 min, or stuck).
@Suite struct Probe43StatsTests {
    @Test func pendingAfterAFailedAttemptCountsAsFailing() throws {
        var stats = DeliveryStats()
        for (index, status) in [500, 503].enumerated() {
            stats.add(try Probe40DiagnosticsTests.delivery([
                "id": .string("r\(index)"), "status": "pending", "attempt_count": 2, "response_status": .number(String(status)),
                "webhook_id": "down",
            ]))
        }
        let down = try #require(stats.byWebhook["down"])
        #expect(down.failed == 0 && down.failing == 2 && down.failureRate == 100)
        // Not attempted yet, tried once with no answer recorded (that attempt may be under way) or answered 2xx: nothing
        // says an attempt failed. Tried again with no answer ("n2") is: Kapso tries again only after a failed attempt
        // (tester64b U6: a timeout or refused connection).
        stats.add(try Probe40DiagnosticsTests.delivery([
            "id": "q", "status": "pending", "attempt_count": 0, "response_status": nil, "last_attempt_at": nil, "webhook_id": "up",
        ]))
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "n", "status": "pending", "response_status": nil, "webhook_id": "up"]))
        stats.add(try Probe40DiagnosticsTests.delivery([
            "id": "n2", "status": "pending", "attempt_count": 2, "response_status": nil, "webhook_id": "up",
        ]))
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "d", "webhook_id": "up"]))
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "f", "status": "failed", "response_status": 500, "webhook_id": "up"]))
        let up = try #require(stats.byWebhook["up"])
        #expect(up.failed == 1 && up.failing == 1 && up.failureRate == 40, "\(up)")
        #expect(stats.failing == 3)
        let json = stats.json.object
        #expect(json?["pending_after_failed_attempt"]?.int == 3, "\(stats.json)")
    }
}

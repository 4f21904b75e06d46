import KapsoClient
import KapsoDiagnostics
import Testing

/// tester47 F11: `deliveries stats --output json` gave `"failure_rate_percent": 0` for a webhook with a failed and a stuck
/// delivery out of 201, where the text says `<1 %` (docs: never `0 %` with a failure). The JSON share is exact to 3
/// decimals, rounded down, and never 0 with a failure.
@Suite struct FailureRateJSONTests {
    @Test(arguments: [
        (201, 1, 1, "0.995"), (3, 1, 0, "33.333"), (100_000, 1, 0, "0.001"), (2_000_000, 1, 0, "0.00005"), (2, 1, 0, "50"),
        (4, 4, 0, "100"), (10, 0, 0, "0"), (0, 0, 0, "0"),
    ])
    func theRateIsExactAndNeverZeroWithAFailure(total: Int, failed: Int, failing: Int, percent: String) {
        var count = DeliveryStats.WebhookCount(url: "https://hooks.test/x")
        (count.total, count.failed, count.failing) = (total, failed, failing)
        #expect(count.failureRatePercent == percent)
    }

    /// Through the stats' JSON, for the zoo's case: 201 deliveries, one failed, one pending after a failed attempt.
    @Test func theJSONCarriesIt() throws {
        var stats = DeliveryStats()
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "f", "status": "failed", "response_status": 500, "webhook_id": "w"]))
        stats.add(try Probe40DiagnosticsTests.delivery([
            "id": "p", "status": "pending", "attempt_count": 2, "response_status": 500, "webhook_id": "w",
        ]))
        for index in 0..<199 { stats.add(try Probe40DiagnosticsTests.delivery(["id": .string("d\(index)"), "webhook_id": "w"])) }
        let webhook = try #require(stats.json["webhooks"]?.array?.first)
        #expect(webhook["failure_rate_percent"]?.serialized() == "0.995", "\(webhook)")
        #expect(stats.byWebhook["w"]?.failureRate == 0, "the text's whole percent, which reads <1 %")
    }
}

import KapsoClient
import KapsoDiagnostics
import Testing

/// tester60 AH2: a pending delivery with 0 attempts and no answer, whose `last_attempt_at` Kapso stamped with its
/// queueing time, was counted by `deliveries stats` as "no HTTP response" (sending the user to check DNS, firewall and
/// TLS), while `deliveries` showed it `-` (not attempted) and left it out of its "got no HTTP response" footer. Both
/// read it as not attempted yet now.
@Suite struct AH2NotAttemptedDeliveryStatsTests {
    @Test func zeroAttemptsIsNotAttemptedWhateverLastAttemptAtSays() throws {
        var stats = DeliveryStats()
        stats.add(try Probe40DiagnosticsTests.delivery([
            "id": "q1", "status": "pending", "attempt_count": 0, "response_status": nil,
            "created_at": "2026-11-21T11:59:50Z", "last_attempt_at": "2026-11-21T11:59:50Z",
        ]))
        stats.add(try Probe40DiagnosticsTests.delivery(["id": "f1", "status": "failed", "attempt_count": 4, "response_status": nil]))
        #expect(stats.byHTTPClass[DeliveryStats.notAttemptedLabel] == 1, "\(stats.byHTTPClass)")
        #expect(stats.byHTTPClass[DeliveryAnswer.noResponseLabel] == 1, "\(stats.byHTTPClass)")
    }
}

import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester62 AL12: `deliveries stats` showed `http://hooks.example.test/redirecting` as `hooks.example.test/redirecting`
/// beside `https://hooks.example.test/202` (the plain-http receiver read like the others), headed a column "FAILING" that
/// neither the table nor help explained (0 beside a 100 % rate), and counted a delivery with `status: failed,
/// attempt_count: 0, response_status: null` under HTTP "not attempted yet" while STATUS counted it failed.
@Suite struct AL12DeliveryStatsColumnsTests {
    static let hook = WebhookAudienceTraceTests.first

    @Test func aFailedDeliveryWithNoAttemptsIsNoResponseNotNotAttempted() throws {
        var row = WebhookAudienceTraceTests.delivery(0, webhook: Self.hook, at: "2026-11-21T11:50:00Z")
        row["status"] = "failed"
        row["attempt_count"] = 0
        row["response_status"] = NSNull()
        row["delivered_at"] = NSNull()
        var pending = row
        pending["status"] = "pending"
        let deliveries = try AL20UndocumentedDeliveryStatusTests.deliveries([row, pending])
        #expect(DeliveryStats.httpClass(of: deliveries[0]) == DeliveryAnswer.noResponseLabel)
        #expect(DeliveryStats.httpClass(of: deliveries[1]) == DeliveryStats.notAttemptedLabel)
    }

    @Test func theStatsTableKeepsAnHTTPSchemeAndNamesItsColumn() async throws {
        let url = "http://hooks.example.test/redirecting"
        var row = WebhookAudienceTraceTests.delivery(0, webhook: Self.hook, at: "2026-11-21T11:50:00Z", url: url)
        row["status"] = "failed"
        row["response_status"] = 301
        row["delivered_at"] = NSNull()
        let path = try WebhookAudienceTraceTests.seed(
            webhooks: [WebhookAudienceTraceTests.webhook(Self.hook, ["url": url])], deliveries: [row])
        let runs = try await WebhookAudienceTraceTests.run(["deliveries stats --period 7d"], path)
        let out = runs[0].out
        #expect(out.contains(url), "\(out)")
        #expect(out.contains("PENDING AFTER FAILURE"), "\(out)")
        #expect(!out.contains("FAILING"), "\(out)")
    }
}

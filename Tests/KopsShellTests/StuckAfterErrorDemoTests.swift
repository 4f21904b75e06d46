import KopsShell
import Testing

/// probe44 P44-3 on the plain demo: hooks.acme-demo.test/kapso/whatsapp failed with a 500, then one delivery was
/// delivered and the newest is pending after a 503 and stuck. `errors` said "now: recovered since its last failure: the
/// one delivery after it was delivered" and `webhooks check` "the one delivery since was delivered".
@Suite struct StuckAfterErrorDemoTests {
    @Test func errorsAndCheckSayTheNewestDeliveryIsStuckAfterAnError() async throws {
        let runs = try await runDemo(
            ["errors", "webhooks check 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"], number: "100200300400501", width: 2_000)
        let row = try #require(runs[0].out.split(separator: "\n").first { $0.contains("hooks.acme-demo.test/kapso/whatsapp") })
        #expect(!row.contains("recovered"), "\(row)")
        #expect(row.contains("now: the last delivery (created 2026-11-20T14:32:11Z) is pending after HTTP 503 and stuck; 1 of the 2 since its last failure"), "\(row)")
        #expect(!runs[1].out.contains("the one delivery since was delivered"), "\(runs[1].out)")
        #expect(runs[1].out.contains("is pending after HTTP 503 and stuck: no recovery"), "\(runs[1].out)")
    }
}

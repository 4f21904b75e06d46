import KapsoSimulator
import KopsTestSupport
import Testing

/// tester53 T6: on the demo's Sales Line two active webhooks subscribed to whatsapp.message.received got their last
/// delivery at the same second, and two received messages came after; only the healthy one was said to have stopped
/// firing, the failing one was told to read its receiver's logs, as if deliveries still arrived.
@Suite struct T6BothStoppedWebhooksTests {
    @Test func theFailingWebhookIsSaidToGetNoneEither() async throws {
        let ran = try await runDemo("webhooks check")
        let lines = ran.out.split(separator: "\n")
        for id in ["5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92", "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"] {
            #expect(
                lines.contains { $0.hasPrefix("warning: \(id)") && $0.contains("no whatsapp.message.received delivery since 2026-11-19T16:50:43Z") },
                "\(ran.out)")
        }
        #expect(ran.out.contains("fix: its earlier deliveries failed (above), but none was attempted for these"), "\(ran.out)")
    }
}

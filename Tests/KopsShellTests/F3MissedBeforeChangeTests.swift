import KopsTestSupport
import Testing

/// tester70 F3: a webhook that stopped firing (its last received delivery at 09:00, three inbound messages 10:01–10:19
/// with no delivery) checked clean after any `webhooks update` (a threshold, or a resume after Kapso's pause): only messages
/// after the change were counted, so the list of what it never got vanished. Those messages are now kept, dated, as a
/// warning: Kapso attempted none of them, and whether it fires since the change is not known yet.
@Suite struct F3MissedBeforeChangeTests {
    @Test func aThresholdUpdateKeepsTheMissedMessages() async throws {
        let hook = "33333333-0000-4000-8000-000000000007"
        let runs = try await runDemo(
            ["webhooks check \(hook)", "webhooks update \(hook) --inactivity-minutes 90", "webhooks check \(hook)"],
            number: "100200300400501", seed: TestSeeds.file("f3-stopped-firing.seed.json"), width: 300)
        #expect(runs[0].out.contains("so it stopped firing"), "\(runs[0].out)")
        let after = runs[2].out
        #expect(after.contains("3 received messages arrived on 100200300400501 after its last whatsapp.message.received delivery"), "\(after)")
        #expect(after.contains("Kapso attempted none of them, so they never reached it"), "\(after)")
        #expect(after.contains("whether it fires since the change is not known yet"), "\(after)")
        #expect(after.contains("'messages --direction inbound' holds them"), "\(after)")
        #expect(!after.contains("0 errors, 0 warnings"), "\(after)")
    }

    @Test func aResumedWebhookKeepsThePausesMessages() async throws {
        let hook = C4ResumeFailingWebhookTests.paused
        let runs = try await runDemo(
            ["webhooks update \(hook) --active true", "webhooks check \(hook)"], number: "100200300400501",
            seed: C4ResumeFailingWebhookTests.story, width: 300)
        let after = runs[1].out
        #expect(after.contains("3 received messages arrived on 100200300400501 after its last whatsapp.message.received delivery"), "\(after)")
        #expect(after.contains("'messages --direction inbound' holds them"), "\(after)")
    }

    /// A webhook whose deliveries follow its messages has nothing missed before a change.
    @Test func aHealthyWebhookGetsNoSuchWarning() async throws {
        let ran = try await runDemo(["webhooks check"], number: "100200300400502")[0]
        #expect(!ran.out.contains("Kapso attempted none of them"), "\(ran.out)")
    }
}

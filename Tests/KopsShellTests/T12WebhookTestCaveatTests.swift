import KopsShell
import KopsTestSupport
import Testing

/// tester53 T12 over loopback (demo simulator): a `webhooks test` that reached the receiver says what it does not
/// prove, where `webhooks check` finds the webhook gets no real event.
@Suite struct T12WebhookTestCaveatTests {
    /// The demo's project webhook subscribes to message events, which reach only phone-number webhooks.
    @Test func aProjectWebhooksMessageEventTestSaysRealOnesWillNotCome() async throws {
        let ran = try await runDemo(["webhooks test 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --event whatsapp.message.received"], number: nil)[0]
        #expect(ran.out.contains("note: this is a project webhook, and whatsapp.message.received reaches only phone-number webhooks"), "\(ran.out)\n\(ran.err)")
        #expect(ran.out.contains("real whatsapp.message.received events will not"), "\(ran.out)")
        #expect(!ran.out.contains("paused"), "\(ran.out)")
    }

    /// The demo's paused webhook, whose receiver does not answer: its test names the pause, and never says the test
    /// reached the receiver.
    @Test func aPausedWebhooksTestNamesThePause() async throws {
        let ran = try await runDemo(["webhooks test 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"], number: nil)[0]
        #expect(ran.out.contains("http:         no HTTP response"), "\(ran.out)")
        #expect(ran.out.contains("note: this webhook is paused (active: false): whatever this test shows, Kapso sends it no real event until 'webhooks update 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e --active true'"), "\(ran.out)\n\(ran.err)")
        #expect(!ran.out.contains("reached its receiver"), "\(ran.out)")
    }

    /// An active phone-number webhook's test of an event it gets carries no note.
    @Test func anActiveWebhooksTestHasNoNote() async throws {
        let ran = try await runDemo(["webhooks test 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"], number: nil)[0]
        #expect(ran.out.contains("sent to"), "\(ran.out)\n\(ran.err)")
        #expect(!ran.out.contains("note:"), "\(ran.out)")
    }
}

import KopsTestSupport
import Testing

/// fixC leftover of tester56b AA14: `trace` ties statuses naming the contact's own business-scoped user id to the contact
/// ("the contact's own business-scoped user id, so most likely about them"), while `message` of the same send kept "its
/// statuses may be another's". Both say it with one line (`StatusHistory.otherRecipientsLine`).
@Suite struct AA14MessageSaysAsTraceTests {
    @Test func messageAndTraceSayTheSame() async throws {
        let id = AA14ContactUserIDRecipientTests.id
        let runs = try await runDemo(["message \(id)", "trace \(id)"], number: "100200300400501", seed: AA14ContactUserIDRecipientTests.seed)
        let line = "the statuses are about US.13491208655302741919, not the message's recipient 14155550171: the contact's own "
            + "business-scoped user id, so most likely about them"
        #expect(runs[0].out.contains(line), "\(runs[0].out)")
        #expect(runs[1].out.contains(line), "\(runs[1].out)")
        #expect(!runs[0].out.contains("may be another"), "\(runs[0].out)")
    }
}

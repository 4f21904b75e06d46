import KopsTestSupport
import Testing

/// tester66 W1: a `user_changed_number` notice with no `wa_id` and no legacy `new_wa_id` (only a `body`, here in Spanish
/// with Meta's U+200E marks around the numbers) was listed as "changed number" and then forgotten: `trace` of a later send
/// to the old number said "read by the contact 4 s after sending", `reply --dry-run` to the old number printed the POST,
/// and `conversations` lacked the "number changed" tag it shows when the new number is given. The notice says the contact
/// left the number whether or not a field names the new one (Meta's system messages webhook reference), so the move
/// stands and the new number is said as not given, with the notice's own text.
@Suite struct W1NumberChangeWithoutNewNumberTests {
    static let seed = TestSeeds.file("tester66-numberchange.seed.json")
    static let sendToOld = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP03AAAAAAAAAAAAAAAAAAAA="
    static let conversation = "0a1b2c3d-0000-4000-8000-000000000302"

    @Test func aReadSendToTheOldNumberIsNotReadByTheContact() async throws {
        let run = try await runDemo(["trace \(Self.sendToOld)"], number: "100200300400501", seed: Self.seed)[0]
        #expect(!run.out.contains("verdict: read by the contact"), "\(run.out)")
        #expect(run.out.contains("by whoever holds +14155550302, not necessarily the contact"), "\(run.out)")
        #expect(run.out.contains("new number not given (only in the notice's text: \"Contacto P cambió de +1 415-555-0302 a +34 600 111 222\")"), "\(run.out)")
    }

    @Test func aReplyToTheOldNumberIsRefusedWithoutForce() async throws {
        let run = try await runDemo(["reply --to +14155550302 --dry-run hola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status != 0, "\(run.out)")
        #expect(!run.out.contains(#""to": "14155550302""#), "\(run.out)")
        #expect(run.err.contains("reply: not sent: ") && run.err.contains("changed their number at 2026-11-21T10:01:00Z (user_changed_number), new number not given"), "\(run.err)")
        #expect(run.err.contains("write to their new number instead (the notice's text may give it"), "\(run.err)")
    }

    @Test func theConversationViewsNameTheChange() async throws {
        let runs = try await runDemo(["conversation \(Self.conversation)", "conversations"], number: "100200300400501", seed: Self.seed)
        #expect(runs[0].out.contains("the contact changed their number at 2026-11-21T10:01:00Z (user_changed_number), new number not given"), "\(runs[0].out)")
        let row = runs[1].out.split(separator: "\n").first { $0.contains(Self.conversation) } ?? ""
        #expect(row.contains("number changed"), "\(runs[1].out)")
    }
}

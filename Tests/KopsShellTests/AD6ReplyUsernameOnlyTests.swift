import KopsTestSupport
import Testing

/// tester58 AD6.4: `message <H14>` (a text from a username-only contact, no `from`, no number, no user id, in conversation
/// 0a1b…0171 whose `phone_number` is 14155550171) then `reply --dry-run hi there` said "the last message or conversation
/// has no contact number" although the conversation has one. The conversation's number is its contact's (kapso-api.md
/// §8.3; §10.6: don't assume `from` is present), so the reply goes there, said in one line, and its window and moves are
/// read as for any reply. tester58b AE11: a received message Kapso lists under its own UUID was replied to without its
/// quote, unsaid; a quote names a WAMID, and none is recorded, so that is said.
@Suite struct AD6ReplyUsernameOnlyTests {
    static let h14 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH14AAAAAAAAAAAAAAAAAAAA="
    static let seed = TestSeeds.file("tester58b-uuid-inbound.seed.json")

    @Test func aReplyToAMessageWithoutSenderGoesToItsConversationsContact() async throws {
        let runs = try await runDemo(["message \(Self.h14)", "reply --dry-run hi there"], number: "100200300400501", seed: Self.seed)
        #expect(runs[1].status == 0, "\(runs[1].err)")
        let said = runs[1].out + runs[1].err
        #expect(said.contains("the message names no sender number or user id (a username-only contact's, https://docs.kapso.ai/docs/platform/webhooks/message-events); "
            + "replying to its conversation's contact +14155550171"), "\(said)")
        #expect(runs[1].out.contains(#""to": "14155550171""#), "\(runs[1].out)")
        #expect(runs[1].out.contains(#""message_id": "\#(Self.h14)""#), "\(runs[1].out)")
        #expect(!said.contains("has no contact number"), "\(said)")
    }

    /// message-shapes H13 (`tester58-moved-username.seed.json`): the contact changed their number before H14: the reply to the conversation's number is refused
    /// as any reply to a moved contact is, not sent to the old number.
    @Test func theConversationsContactWhoMovedIsRefusedAsAnyMovedContact() async throws {
        let runs = try await runDemo(
            ["message \(Self.h14)", "reply --dry-run hi there"], number: "100200300400501", seed: TestSeeds.file("tester58-moved-username.seed.json"))
        #expect(runs[1].status != 0)
        #expect(runs[1].err.contains("the contact changed their number to +14155550173"), "\(runs[1].err)")
        #expect(!runs[1].out.contains(#""to": "14155550171""#), "\(runs[1].out)")
    }

    @Test func aReceivedMessageUnderKapsosUUIDSaysWhyItIsNotQuoted() async throws {
        let run = try await runDemo(
            ["reply --message 1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516 --dry-run hello"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(said.contains("no quote: Kapso lists this message under its own id (1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516) and "
            + "records no WAMID for it, and a quote names a WAMID"), "\(said)")
        #expect(!run.out.contains("\"context\""), "\(run.out)")
    }
}

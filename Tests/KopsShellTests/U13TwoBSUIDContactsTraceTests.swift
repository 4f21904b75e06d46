import KapsoSimulator
import KopsTestSupport
import Testing

/// tester53b U13: two contacts without a phone number (BSUID only, kapso-api.md §8.3) wrote 2 s apart (A at 09:10:00, B at
/// 09:10:02) and the delivery log holds one `whatsapp.message.received` row, at 09:10:03, naming no contact. B's trace
/// listed it with "it may be the other message's", while A's left it out and its verdict sent the on-call to Kapso
/// support ("Kapso did not send it"): one row, two contradicting readings, and both called the other contact "this
/// contact". Both traces now hedge, and name the other message as another contact's.
/// Seed `u13-numberless-one-row.seed.json` (the tester's `k12-one-row.json`).
@Suite struct U13TwoBSUIDContactsTraceTests {
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    @Test func bothTracesHedgeTheOneRowAndNameTheOtherContact() async throws {
        let ran = try await runDemo(
            ["trace \(Self.wamid("L01"))", "trace \(Self.wamid("L02"))"], number: "100200300400501",
            seed: TestSeeds.file("u13-numberless-one-row.seed.json"), width: 2_000)
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        let (a, b) = (ran[0].out, ran[1].out)
        // A: the row is read as B's, but never "Kapso recorded none" nor a report to Kapso support as if it were sure.
        #expect(!a.contains("Kapso did not send it"), "\(a)")
        #expect(!a.contains("Kapso recorded no delivery of this message"), "\(a)")
        #expect(!a.contains("yet Kapso recorded none for this message"), "\(a)")
        #expect(a.contains("is nearer in time to a message from another contact without a phone number (2026-11-21T09:10:02Z)"), "\(a)")
        #expect(a.contains("but it may be this message's"), "\(a)")
        #expect(a.contains("check the receiver's own log for this message"), "\(a)")
        // B: listed as its own with the hedge it had, about contacts without a phone number.
        #expect(b.contains("webhook deliveries: 1"), "\(b)")
        #expect(b.contains("for 2 messages from contacts without a phone number in that span"), "\(b)")
        #expect(b.contains("it may be the other message's"), "\(b)")
        // Neither calls the other contact "this contact".
        #expect(!a.contains("this contact") && !b.contains("this contact"), "\(a)\n\(b)")
    }
}

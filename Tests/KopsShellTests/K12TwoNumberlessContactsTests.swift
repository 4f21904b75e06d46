import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52 K12: two contacts without a phone number (BSUID-only, kapso-api.md §8.3) wrote 30 s apart; each delivery row
/// names no contact (`conversation_phone_number` null), and `trace` of the first listed the second's delivery as its own
/// ("2 deliveries … more than one message to this contact"). A row naming no contact goes to the nearer such message.
/// Seed `tester52-k12-numberless.seed.json`: L01 from US.1349… at 09:10:00, L02 from US.2778… at 09:10:30, deliveries at
/// 09:10:01 and 09:10:31.
@Suite struct K12TwoNumberlessContactsTests {
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    @Test func eachContactsTraceListsOnlyItsOwnDelivery() async throws {
        let ran = try await runDemo(
            ["trace \(Self.wamid("L01"))", "trace \(Self.wamid("L02"))"], number: "100200300400501",
            seed: TestSeeds.file("tester52-k12-numberless.seed.json"), width: 2_000)
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(ran[0].out.contains("webhook deliveries: 1"), "\(ran[0].out)")
        #expect(ran[0].out.contains("2026-11-21T09:10:01Z"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("2026-11-21T09:10:31Z"), "\(ran[0].out)")
        #expect(!ran[0].out.contains("more than one message to this contact"), "\(ran[0].out)")
        #expect(ran[1].out.contains("2026-11-21T09:10:31Z"), "\(ran[1].out)")
        #expect(!ran[1].out.contains("2026-11-21T09:10:01Z"), "\(ran[1].out)")
    }
}

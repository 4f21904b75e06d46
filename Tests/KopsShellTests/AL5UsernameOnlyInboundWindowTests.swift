import KopsTestSupport
import Testing

/// tester62 AL5: for the same send failed with 131047, `trace` said "window: open when sent: last inbound
/// 2026-11-21T10:11:00Z" ("31 min before the send") and `errors` "the contact's last inbound here was 29 min before the
/// send" (10:13, an inbound of the same conversation whose `phone_number` is null: a username-only contact, no BSUID
/// named). `errors` reads the number's messages, that one included, and Kapso's conversation says `last_inbound_at`
/// 10:13; `trace` listed by the contact's number only. Trace now reads the conversation's inbound when Kapso's last
/// inbound is not among those it listed, so both state the same time (the tester's crafted seed, pruned).
@Suite struct AL5UsernameOnlyInboundWindowTests {
    static let send = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBX12AAAAAAAAAAAAAAAAAAAA="

    @Test func traceAndErrorsStateTheSameLastInbound() async throws {
        let runs = try await runDemo(
            ["trace \(Self.send)", "errors --period 30d"], number: "100200300400501",
            seed: TestSeeds.file("al5-username-only-inbound.seed.json"), width: 2_000)
        let trace = runs[0].out + runs[0].err
        let errors = runs[1].out + runs[1].err
        #expect(trace.contains("last inbound 2026-11-21T10:13:00Z"), "\(trace)")
        #expect(!trace.contains("10:11:00Z") && !trace.contains("31 min before the send"), "\(trace)")
        #expect(errors.contains("29 min before the send"), "\(errors)")
        #expect(!errors.contains("31 min before the send"), "\(errors)")
    }
}

import KapsoSimulator
import KopsTestSupport
import Testing

/// tester64 T11 (`Seeds/t11-stale-summary.seed.json`, tester64's seed1): `conversation …171` showed Kapso's
/// `last_active_at` 10:25 and `messages_count` 20 as facts beside kops's own "last inbound: 10:38", while the
/// conversation's messages run to 10:59. Kapso's summary is now marked stale where a message kops read contradicts it.
@Suite struct T11StaleConversationSummaryTests {
    @Test func aSummaryOlderThanTheMessagesIsMarkedStale() async throws {
        let ran = try await runDemo(
            ["conversation 0a1b2c3d-0000-4000-8000-000000000171", "conversation 0a1b2c3d-0000-4000-8000-000000000171 --output json"],
            number: nil, seed: TestSeeds.file("t11-stale-summary.seed.json"), width: 300)
        let active = try #require(ran[0].out.split(separator: "\n").first { $0.hasPrefix("last active:") }, "\(ran[0].out)")
        #expect(active.contains("2026-11-21T10:25:00Z (Kapso's; stale: a message of it at "), "\(active)")
        #expect(ran[0].err.contains("note: Kapso's summary of this conversation is stale"), "\(ran[0].err)")
        #expect(ran[1].out.contains(#""last_active_at_stale": true"#), "\(ran[1].out)")
    }
}

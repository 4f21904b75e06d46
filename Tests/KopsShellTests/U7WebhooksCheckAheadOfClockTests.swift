import KopsTestSupport
import Testing

/// tester64b U7, `webhooks check`'s half (`Seeds/u7-deliveries-ahead.seed.json`: 4 deliveries stamped
/// 2026-12-06T18:52:18Z, the simulator's clock 2026-11-21T12:00Z): it said "4 of 4 deliveries failed in the last 7d
/// (100 %): all of them (no HTTP response), the last at 2026-12-06T18:52:18Z", with no word that the time is 15 days
/// ahead of the API's clock (session 65 fixed `deliveries stats` only). Now the time and the count say so.
@Suite struct U7WebhooksCheckAheadOfClockTests {
    @Test func theCheckNamesDeliveriesStampedAheadOfTheAPIClock() async throws {
        let ran = try await runDemo(
            ["webhooks check"], number: "100200300400501", seed: TestSeeds.file("u7-deliveries-ahead.seed.json"), width: 2000)
        let line = try #require((ran[0].out + ran[0].err).split(separator: "\n").first { $0.contains("4 of 4 deliveries failed") }, "\(ran[0].out)")
        #expect(line.contains("the last at 2026-12-06T18:52:18Z (15 d"), "\(line)")
        #expect(line.contains("ahead of the API's clock)"), "\(line)")
        #expect(line.contains("; all 4 are stamped ahead of the API's clock (2026-11-21T12:00:00Z): "), "\(line)")
        #expect(line.contains("counted in the last 7d as Kapso listed them, but when they happened is not known"), "\(line)")
    }

    @Test func deliveriesWithinTheClockGetNoNote() async throws {
        let ran = try await runDemo(["webhooks check"], number: "100200300400501")
        #expect(!(ran[0].out + ran[0].err).contains("ahead of the API's clock"), "\(ran[0].out)")
    }
}

import KapsoSimulator
import KopsTestSupport
import Testing

/// tester64b U7 (`Seeds/u7-deliveries-ahead.seed.json`, tester63b's al20c: 4 deliveries stamped 2026-12-06T18:52:18Z,
/// the simulator's clock 2026-11-21T12:00Z): `deliveries stats` said "4 deliveries in the last 24h" with no note, where
/// `messages` names rows stamped ahead of the API's clock. Now the count says so.
@Suite struct U7DeliveriesAheadOfClockTests {
    @Test func statsNameDeliveriesStampedAheadOfTheAPIClock() async throws {
        let ran = try await runDemo(
            ["deliveries stats", "deliveries stats --output json"], number: "100200300400501",
            seed: TestSeeds.file("u7-deliveries-ahead.seed.json"), width: 300)
        #expect(ran[0].out.contains("4 deliveries in the last 24h"), "\(ran[0].out)")
        let note = try #require(ran[0].err.split(separator: "\n").first { $0.contains("ahead of the API's clock") }, "\(ran[0].err)")
        #expect(note.contains("all 4 are stamped ahead of the API's clock (the newest 2026-12-06T18:52:18Z"), "\(note)")
        #expect(ran[1].out.contains(#""ahead_of_api_clock": 4"#), "\(ran[1].out)")
    }

    @Test func deliveriesWithinTheClockGetNoNote() async throws {
        let ran = try await runDemo(["deliveries stats --period 7d"], number: "100200300400501")
        #expect(!(ran[0].out + ran[0].err).contains("ahead of the API's clock"), "\(ran[0].err)")
    }
}

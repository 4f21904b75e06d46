import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52 K6: a message stamped an hour ahead of the API's clock was listed last by `messages`, under "the API listed them
/// out of time order"; the list now names the clock skew, hedged, and claims no disorder of the API's.
/// Seed `tester52-k6-ahead.seed.json`: M01 09:00, M02 09:10, M03 stamped 13:00 (the clock is 12:00).
@Suite struct K6ClockSkewTests {
    @Test func aMessageAheadOfTheClockIsNamed() async throws {
        let ran = try await runDemo(
            ["messages"], number: "100200300400501", seed: TestSeeds.file("tester52-k6-ahead.seed.json"), width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(
            ran[0].err.contains("1 message is stamped ahead of the API's clock (wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBM03AAAAAAAAAAAAAAAAAAAA=, 1 h)"),
            "\(ran[0].err)")
        #expect(ran[0].err.contains("clock skew"), "\(ran[0].err)")
        #expect(!ran[0].err.contains("the API listed them out of time order"), "\(ran[0].err)")
    }

    /// `messages --all` streams its pages and says the same once, after them.
    @Test func everyPageSaysItToo() async throws {
        let ran = try await runDemo(
            ["messages --all"], number: "100200300400501", seed: TestSeeds.file("tester52-k6-ahead.seed.json"), width: 2_000)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].err.contains("1 message is stamped ahead of the API's clock"), "\(ran[0].err)")
    }
}

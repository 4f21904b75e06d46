import KapsoClient
import KopsTestSupport
import Testing

/// tester62 AK14: `overview` said "ok" (exit 0, "nothing to fix") for a number `numbers` said BANNED: the health report
/// named no state of the number, and `overview` read only the report, `numbers` Kapso's record
/// (`ak14-banned-record`: Support Line BANNED in the list, its health report all passed without a status). Both now read
/// the state as `NumberStatus.listed` does.
@Suite struct AK14OverviewBannedRecordTests {
    @Test func overviewReadsTheStateNumbersReads() async throws {
        let runs = try await runDemo(
            ["numbers", "overview", "overview --output json"], number: nil, seed: TestSeeds.file("ak14-banned-record.seed.json"),
            width: 2_000)
        let (numbers, overview, json) = (runs[0], runs[1], runs[2])
        #expect((numbers.out + numbers.err).contains("cannot send: Support Line (100200300400501) is BANNED (Kapso's record)"))
        #expect(overview.status == 1, "\(overview.out)\(overview.err)")
        #expect(overview.out.contains("blocking: number BANNED (Kapso's record; the health report names no state)"), "\(overview.out)")
        #expect(!overview.out.contains("nothing to fix"), "\(overview.out)")
        #expect(overview.out.contains("Support Line is healthy per Kapso, but number BANNED (Kapso's record"), "\(overview.out)")
        let headline = try JSONValue.parse(json.out)["phone_numbers"]?.array?.first?["headline"]?.string
        #expect(headline?.hasPrefix("blocking: number BANNED") == true, "\(json.out)")
        // `numbers` after the health read still says what it said.
        let again = try await runDemo(
            ["overview", "numbers"], number: nil, seed: TestSeeds.file("ak14-banned-record.seed.json"), width: 2_000)[1]
        #expect((again.out + again.err).contains("cannot send: Support Line (100200300400501) is BANNED (Kapso's record)"))
    }
}

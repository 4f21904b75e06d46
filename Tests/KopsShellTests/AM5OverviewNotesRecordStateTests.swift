import KapsoClient
import KopsTestSupport
import Testing

/// tester62b AM5: with Support Line's record RESTRICTED and a health report that names no state, `numbers` said "sends
/// replies only: Support Line … is RESTRICTED (Kapso's record)" but `overview`'s headline was "ok by Kapso's checks, but 2
/// sends failed …" with no word of it: the record's note was added only to a plain "ok". It is now added to any
/// headline that does not block on it.
@Suite struct AM5OverviewNotesRecordStateTests {
    @Test func aRestrictedRecordIsNotedWhateverTheHeadline() async throws {
        let runs = try await runDemo(
            ["numbers", "overview"], number: nil, seed: TestSeeds.file("am5-restricted-record.seed.json"), width: 2_000)
        let (numbers, overview) = (runs[0], runs[1])
        #expect((numbers.out + numbers.err).contains("is RESTRICTED (Kapso's record)"), "\(numbers.out)\(numbers.err)")
        let line = overview.out.split(separator: "\n").first { $0.hasPrefix("100200300400501") } ?? ""
        #expect(line.contains("number RESTRICTED (Kapso's record)"), "\(overview.out)")
    }
}

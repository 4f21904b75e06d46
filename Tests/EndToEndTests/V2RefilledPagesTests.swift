import Foundation
import KopsTestSupport
import Testing

/// tester65 V2 (rest): a replay's `logs` page left out earlier runs' calls and was read again with room for them up to 100
/// rows, no further: from the sixth fresh-state check of `use` / `logs` / `overview` the page showed 13 of the recording's
/// 20 rows. `logs search` pages were never read again: 17 of 20 events at the first check. Both go on with the log's
/// cursors while the page is short.
@Suite struct V2RefilledPagesTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBZZZ"

    static func expectClean(_ run: FreshStateChecks, _ reader: String) {
        #expect(run.transcript.contains("> " + reader), "\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    @Test func aLogsPageStaysFullPastAHundredRowsOfEarlierRuns() async throws {
        let script = ["use 100200300400501", "logs", "overview"].joined(separator: "\n") + "\n"
        Self.expectClean(try await FreshStateChecks.run(script: script, checks: 8), "logs")
    }

    @Test(arguments: ["logs search messages", "logs search messages --limit 5"])
    func aLogSearchPageIsReadOnWhileShort(reader: String) async throws {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", reader].joined(separator: "\n") + "\n"
        Self.expectClean(try await FreshStateChecks.run(script: script, checks: 3), reader)
    }
}

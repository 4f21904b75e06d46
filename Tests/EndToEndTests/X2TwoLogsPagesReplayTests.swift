import Foundation
import KopsTestSupport
import Testing

/// tester66b X2 (tester65 a8): a transcript with two `logs` pages failed every fresh-state check, on a fixed-clock simulator
/// started for it too: the replay's first page read the log again (with room, on with its cursors, to its last row) past
/// the earlier runs' calls, reads the recording never made, and the next page listed them as kops's own calls
/// ("+… GET /platform/v1/api_logs … (kops)", "(kops) marks 5 calls" for 4). Those reads are now left out of later pages.
/// Their journal notes are matched to log rows newest first, as the rows come: session 66's fix (e6c43ab8, reverted)
/// matched them oldest first, and `use` / `trace` / `logs` then lost trace's own read of the log instead.
@Suite struct X2TwoLogsPagesReplayTests {
    static let traced = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    static func expectClean(_ run: FreshStateChecks, _ last: String) {
        #expect(run.transcript.contains("> " + last), "\(run.recorded.stdout)\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "\(last), check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "\(last), check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    @Test(arguments: [
        ["use 100200300400501", "logs --limit 20", "logs --limit 20"],
        ["use 100200300400501", "messages --limit 3", "logs --limit 20", "logs --limit 20 --output json"],
        ["use 100200300400501", "logs --limit 12 --output json", "logs --output expanded --limit 5"],
        // The refill reads on the second page's first read: the session's older calls (trace's) stay on it.
        ["use 100200300400501", "trace \(traced)", "logs --errors --flat --ids --output json", "logs --output expanded --limit 5"],
    ])
    func aSecondLogsPageChecksClean(lines: [String]) async throws {
        let run = try await FreshStateChecks.run(script: lines.joined(separator: "\n") + "\n", checks: 2)
        Self.expectClean(run, lines[lines.count - 1])
    }

    /// The reverted fix's failure: trace's read of the log and the refill reads in one second; trace's row must stay.
    @Test func traceThenLogsKeepsTracesOwnRead() async throws {
        let run = try await FreshStateChecks.run(script: "use 100200300400501\ntrace \(Self.traced)\nlogs\nlogs\n", checks: 3)
        Self.expectClean(run, "logs")
    }
}

import Foundation
import KopsTestSupport
import Testing

@testable import KopsShell

/// tester64b U2: `logs --errors --flat --ids` after a look-up failed every fresh-state check: the row of kops's own look-up
/// showed the replay's call's ids (`…-000000000060`, `req_…060`) instead of the recording's (`…-000000000002`), ids Kapso
/// gives every call anew. A hunk that differs only so is no change; another client's row with other ids still is.
@Suite struct U2OwnCallIDsTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBZZZ"

    @Test func logsWithIDsAfterALookUpChecksCleanEachTime() async throws {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", "logs --errors --flat --ids"]
            .joined(separator: "\n") + "\n"
        let run = try await FreshStateChecks.run(script: script, checks: 3)
        #expect(run.transcript.contains("> logs --errors --flat --ids"), "\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stderr)")
        }
    }

    static let recorded = "2026-11-21T12:00:00Z  00000000-0000-4000-8000-000000000002  req_00000000000040008000000000000002  GET  /x  404  1 ms  kapso-sim (kops)"
    static let replayed = "2026-11-21T12:00:00Z  00000000-0000-4000-8000-000000000060  req_00000000000040008000000000000060  GET  /x  404  1 ms  kapso-sim (kops)"

    @Test func onlyOwnCallsIDsAreSetAside() {
        let hunk = ["@@ line 20 (in 'logs --ids')", "-" + Self.recorded, "+" + Self.replayed]
        #expect(TranscriptChecker.withoutOwnCallIDs(hunk).diff.isEmpty)
        // Another client's call: its ids are the data.
        let other = hunk.map { $0.replacingOccurrences(of: " (kops)", with: "") }
        #expect(TranscriptChecker.withoutOwnCallIDs(other).diff == other)
        // kops's own call answered otherwise.
        let status = ["@@ line 20 (in 'logs --ids')", "-" + Self.recorded, "+" + Self.replayed.replacingOccurrences(of: "404", with: "429")]
        #expect(TranscriptChecker.withoutOwnCallIDs(status).diff == status)
        // kops's own call made at another instant (tester65 V5): the same call.
        let later = ["@@ line 20 (in 'logs --ids')", "-" + Self.recorded, "+" + Self.replayed.replacingOccurrences(of: "12:00:00Z", with: "12:00:01Z")]
        #expect(TranscriptChecker.withoutOwnCallIDs(later).diff.isEmpty)
        #expect(!TranscriptChecker.isInstant("2026-11-21T12:00:0xZ") && TranscriptChecker.isInstant("2026-11-21T12:00:01.250Z"))
        // A row more.
        let more = hunk + ["+" + Self.replayed]
        #expect(TranscriptChecker.withoutOwnCallIDs(more).diff == more)
    }
}

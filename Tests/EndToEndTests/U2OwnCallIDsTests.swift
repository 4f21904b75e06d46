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

    /// Whether the diff of `old` against `new` (lines) is all set aside as kops's own calls' ids.
    static func setAside(_ old: [String], _ new: [String]) -> Bool {
        let (expected, actual) = (old.map { Substring($0) }, new.map { Substring($0) })
        let hunks = LineDiff.hunks(expected, actual)
        return !hunks.isEmpty && TranscriptChecker.withoutOwnCallIDs(hunks, expected: expected, actual: actual).kept.isEmpty
    }

    @Test func onlyOwnCallsIDsAreSetAside() {
        #expect(Self.setAside(["a", Self.recorded, "b"], ["a", Self.replayed, "b"]))
        // Another client's call: its ids are the data.
        let other = { (line: String) in line.replacingOccurrences(of: " (kops)", with: "") }
        #expect(!Self.setAside([other(Self.recorded)], [other(Self.replayed)]))
        // kops's own call answered otherwise.
        #expect(!Self.setAside([Self.recorded], [Self.replayed.replacingOccurrences(of: "404", with: "429")]))
        // kops's own call made at another instant (tester65 V5): the same call.
        #expect(Self.setAside([Self.recorded], [Self.replayed.replacingOccurrences(of: "12:00:00Z", with: "12:00:01Z")]))
        #expect(!TranscriptChecker.isInstant("2026-11-21T12:00:0xZ") && TranscriptChecker.isInstant("2026-11-21T12:00:01.250Z"))
        // A row more.
        #expect(!Self.setAside([Self.recorded], [Self.replayed, Self.replayed]))
    }
}

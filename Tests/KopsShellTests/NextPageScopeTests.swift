import KopsShell
import KopsTestSupport
import Testing

/// A stored page cursor is scoped to the profile, API and selected number it was fetched under (probe29 P29-18).
@Suite struct NextPageScopeTests {
    /// `use OTHER; next` shows no page of the old number's list under the new one: one line naming both numbers and
    /// the command to run; `state` no longer offers `next`; back on the first number, `next` continues its list.
    @Test func nextAfterUseOtherShowsNoPageOfTheOldNumber() async throws {
        let runs = try await runDemo(
            ["messages --limit 2", "use 100200300400502", "next", "state", "use 100200300400501", "next"],
            number: "100200300400501")
        #expect(runs[0].err.contains("(more: next)"), "\(runs[0].err)")
        let next = runs[2]
        #expect(next.status == 1, "\(next.out)\(next.err)")
        #expect(next.out.isEmpty, "\(next.out)")
        #expect(next.err.contains(
            "no next page for 100200300400502: the last list ('messages') was of 100200300400501; "
                + "run 'messages' for 100200300400502's first page"), "\(next.err)")
        #expect(next.err.split(separator: "\n").count == 1, "\(next.err)")
        #expect(!runs[3].out.contains("has more pages"), "\(runs[3].out)")
        #expect(runs[5].status == 0, "\(runs[5].out)\(runs[5].err)")
        #expect(!runs[5].out.isEmpty, "\(runs[5].err)")
    }

    /// A list that does not follow the selected number (the project's numbers) still continues after `use`.
    @Test func aProjectListContinuesAfterUse() async throws {
        let runs = try await runDemo(
            ["logs --limit 1", "use 100200300400502", "next"], number: "100200300400501")
        #expect(runs[0].err.contains("(more: next)"), "\(runs[0].err)")
        #expect(runs[2].status == 0, "\(runs[2].out)\(runs[2].err)")
    }
}

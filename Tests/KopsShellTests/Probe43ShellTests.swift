import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe43 P43-17: on the zoo seed the contact 14155550171 sent a `user_changed_number` notice (to 14155550199) and then
/// wrote six more times from 14155550171. `use +1 415 555 0171` said "so this number is no longer theirs" from the
/// notices alone, while `whois` and `reply` read the later inbound and said nothing of a move. One reading now.
@Suite struct Probe43ShellTests {
    @Test func useAndWhoisReadALaterInboundAlike() async throws {
        let (use, whois) = try await withSimulator(seed: .zoo) { fixture in
            let (shell, output) = try fixture.shell()
            _ = shell.run(line: "use +1 415 555 0171")
            let use = output.err
            _ = shell.run(line: "use 100200300400501")
            let before = output.out.count
            _ = shell.run(line: "whois +14155550171")
            return (use, String(output.out.dropFirst(before)))
        }
        #expect(use.contains("not a phone-number id") || use.contains("is the contact"), "\(use)")
        #expect(!use.contains("no longer theirs") && !use.contains("changed their number to +14155550199"), "\(use)")
        #expect(whois.contains("is the contact") && !whois.contains("no longer theirs"), "\(whois)")
    }

    /// probe43 P43-18: `--status` filters on Kapso's one-word status field, which a send's history can contradict: the
    /// list says so, in both its forms; without --status nothing is added.
    @Test func aStatusFilterSaysWhatItCannotShow() async throws {
        let run = try await runShell(["messages --status failed", "messages --status failed --all", "messages"])
        let note = "--status failed filters on Kapso's status field: a send whose status history says more"
        #expect(run.statuses == [.ok, .ok, .ok], "\(run.err)")
        #expect(run.err.components(separatedBy: note).count - 1 == 2, "\(run.err)")
    }

    /// probe43 P43-11: after a health read that says otherwise than Kapso's stored record, `numbers --output json` keeps
    /// the API's JSON on standard output and says the difference on standard error, as the table says it below.
    @Test func numbersAsJSONSaysTheHealthDifferenceOnStandardError() async throws {
        let runs = try await runDemo(
            ["numbers --output json", "health", "numbers --output json"], number: "100200300400501",
            seed: Probe41NumberStateTests.seed("probe41-flagged"), width: 2_000)
        let said = "health (checked 2026-11-21T12:00:00Z) read Support Line (100200300400501) as FLAGGED, quality RED, messaging BLOCKED"
        #expect(!runs[0].err.contains(said), "\(runs[0].err)")
        #expect(runs[2].out.hasPrefix("{") && !runs[2].out.contains("health:"), "\(runs[2].out)")
        #expect(runs[2].err.contains(said), "\(runs[2].err)")
    }
}

import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The probe21 findings left over from session 20, on the tester's seeds (`Tests/Seeds/probe21-*.seed.json`): a mangled WABA
/// id read for the kind its path's slot takes (P21-9), received messages with errors counted apart from failures (P21-13).
@Suite struct Probe21LeftoversTests {
    func run(_ seed: String, _ lines: [String], number: String? = "100200300400501") async throws -> [Ran] {
        try await runDemo(lines, number: number, seed: Probe21WindowTests.seed(seed))
    }

    /// P21-9: `logs --errors` and `errors` name each mangled WABA id with its mistake and the WABA id to use; `whois` of each
    /// names the same mistake, and its fix names the WABA paths, not only a phone-number id.
    @Test func aMangledWABAIDIsNamedEverywhere() async throws {
        let runs = try await run(
            "waba15",
            ["logs --errors", "errors --source api", "whois '200300400500601%0A'", "whois +200300400500601", "whois 200300400500610", "whois 20030040050060"],
            number: nil)
        for text in runs[0...1].map(\.out) {
            #expect(!text.contains("no object has the id"), "\(text)")
            for start in [
                "200300400500601%0A is 200300400500601 with a trailing line feed (%0A)", "+200300400500601 is 200300400500601 with a '+' in front",
                "200300400500610 is 200300400500601 with two digits swapped", "20030040050060 is 200300400500601 without its last digit",
            ] {
                #expect(text.contains(start), "\(start) in \(text)")
            }
            #expect(text.contains("/message_templates takes the WABA id: use 200300400500601"), "\(text)")
        }
        for ran in runs[2...5] {
            #expect(ran.status == 0, "\(ran.err)")
            #expect(ran.out.contains("fix: WABA paths take 200300400500601 (/200300400500601/message_templates)"), "\(ran.out)")
        }
        #expect(runs[2].out.contains("'200300400500601%0A' is 200300400500601 with a trailing line feed (%0A); read as 200300400500601 here, but an API call with it as pasted fails"), "\(runs[2].out)")
        #expect(runs[3].out.contains("'+200300400500601' is 200300400500601 with a '+' in front; read as 200300400500601 here"), "\(runs[3].out)")
        #expect(runs[4].out.hasPrefix("200300400500610 is 200300400500601 with two digits swapped (10 for 01 at digits 14-15): the WABA id"), "\(runs[4].out)")
        #expect(runs[5].out.hasPrefix("20030040050060 is 200300400500601 without its last digit: the WABA id"), "\(runs[5].out)")
    }

    /// P21-13: five unsupported messages (131051: pin, edit, revoke, keep_in_chat, poll_update) are shown by `errors` as
    /// received messages with errors, not counted as failures; `--flat` and JSON count them the same way.
    @Test func receivedMessagesWithErrorsAreNoFailures() async throws {
        let runs = try await run("unsup11", ["errors", "errors --flat", "errors --output json"])
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(runs[0].out.contains("131051"), "\(runs[0].out)")
        #expect(runs[0].err.contains("of 0 failures and 5 received messages with errors in the last 30d"), "\(runs[0].err)")
        #expect(runs[1].err.contains("0 failures and 5 received messages with errors in the last 30d"), "\(runs[1].err)")
        #expect(runs[2].out.contains(#""failures": 0"#) && runs[2].out.contains(#""received_with_errors": 5"#), "\(runs[2].out)")
    }

    /// P21-7: on a number with calling on, `conversation` and `reply` hedge a window the messages show closed (a call from
    /// the contact would have reopened it, and kops cannot see calls); on the same data without calling, they do not.
    @Test func aCallingNumberHedgesAClosedWindow() async throws {
        let lines = ["conversation 0a1b2c3d-0000-4000-8000-000000000175", "reply --to 14155550175 --dry-run hi"]
        let calling = try await run("calls13", lines)
        let caveat = "unless the contact called since (calling is on for this number; kops cannot see calls)"
        #expect(Probe21WindowTests.line("window:", in: calling[0].out).contains("by the contact's messages; only templates go through " + caveat), "\(calling[0].out)")
        #expect(calling[1].status != 0 && calling[1].err.contains("so free-form messages fail with 131047 " + caveat), "\(calling[1].err)")
        let plain = try await run("shapes2", lines)
        #expect(!plain[0].out.contains("called") && !plain[1].err.contains("called"), "\(plain[0].out)\(plain[1].err)")
        #expect(plain[1].err.contains("so free-form messages fail with 131047; send an approved template"), "\(plain[1].err)")
    }

    /// P21-19: after the contact wrote again, every view that says what to do with the send refused for the window says
    /// to send it again as is, as `trace`'s verdict does: `trace`'s timeline, `errors` and `errors --flat` (no templates
    /// named); `message` and `reply` name no template.
    @Test func aRefusedSendCanGoAgainInEveryView() async throws {
        let id = Probe21WindowTests.id("L02")
        let runs = try await run("later22", ["trace \(id)", "errors", "errors --flat", "message \(id)", "reply --dry-run hi"])
        let again = "the contact has written since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is"
        for ran in runs {
            #expect(ran.status == 0, "\(ran.err)")
            let text = ran.out + ran.err
            #expect(!text.contains("approved template") && !text.contains("--template") && !text.contains("templates:"), "\(text)")
        }
        for ran in runs[0...2] { #expect(ran.out.contains(again), "\(ran.out)") }
        #expect(runs[0].out.contains("  fix:     " + again), "\(runs[0].out)")
    }
}

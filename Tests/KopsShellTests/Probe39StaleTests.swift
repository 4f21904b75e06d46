import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Probe39: verdicts that ignored what happened after the event they explain, and commands that disagreed, on the
/// tester's seeds (`Tests/Seeds/probe39-*.seed.json`): each test runs the commands on one seeded simulator and checks
/// they read the later evidence alike.
@Suite struct Probe39StaleTests: PrintedLines {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("probe39-\(name).seed.json") }

    /// P39-1: sends stuck at `sent` that the contact quoted (501) or reacted to (502), one delivered and quoted (503), and
    /// one followed by a delivered and read send to the same contact (504): `trace` and `message` read the later messages.
    @Test func sentVerdictsReadTheContactsLaterMessages() async throws {
        let quoted = "wamid.HBgLMTQxNTU1NTA1MDEVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let reacted = "wamid.HBgLMTQxNTU1NTA1MDIVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let delivered = "wamid.HBgLMTQxNTU1NTA1MDMVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let laterRead = "wamid.HBgLMTQxNTU1NTA1MDQVAgASGBQ0RjU1NTQ0MTAwMDAwMDAwMDAwMAA="
        let runs = try await runDemo(
            ["trace \(quoted)", "trace \(reacted)", "trace \(delivered)", "trace \(laterRead)", "message \(reacted)"],
            number: "100200300400501", seed: Self.seed("later"))
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        for run in runs {
            let verdict = Self.line("verdict:", in: run.out)
            #expect(!verdict.contains("may be offline") && !verdict.contains("not read yet"), "\(run.out)")
        }
        #expect(Self.line("verdict:", in: runs[0].out).contains("the contact replied quoting it at 2026-11-21T10:10:30Z"), "\(runs[0].out)")
        #expect(Self.line("verdict:", in: runs[1].out).contains("the contact reacted to it at 2026-11-21T10:10:30Z"), "\(runs[1].out)")
        #expect(Self.line("verdict:", in: runs[2].out).contains("they saw it; no read status came"), "\(runs[2].out)")
        #expect(Self.line("verdict:", in: runs[3].out).contains("was delivered and read at 2026-11-21T10:05:02Z"), "\(runs[3].out)")
        // `message` says what `trace` says of the same send.
        #expect(Self.line("verdict:", in: runs[4].out).hasSuffix(String(Self.line("verdict:", in: runs[1].out).dropFirst("verdict:".count).drop { $0 == " " })), "\(runs[4].out)")
    }

    /// P39-16: a 190 at 10:00 and a 131042 at 10:05 on Support Line, which then delivered a reply (11:30, read) and a
    /// billable template (11:40): `trace` and `errors` say both failures are past, with the later send and its time.
    @Test func accountFailuresFollowedByDeliveriesArePast() async throws {
        let token = "wamid.HBgLMTQxNTU1NTI3MDEVAgASGBQ0RjU1NTQwMDAwMDAwMDAwMDAwMAA="
        let payment = "wamid.HBgLMTQxNTU1NTI3MDMVAgASGBQ0RjU1NTQzNDMyMDAwMDAwMDAwMAA="
        let runs = try await runDemo(["trace \(token)", "trace \(payment)", "errors --flat"], number: "100200300400501", seed: Self.seed("recovered"))
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let tokenVerdict = Self.line("verdict:", in: runs[0].out)
        #expect(tokenVerdict.contains("a past failure (at 2026-11-21T10:00:01Z)") && tokenVerdict.contains("the number's token works now"), "\(runs[0].out)")
        #expect(!tokenVerdict.contains("reconnect the number (Kapso"), "\(runs[0].out)")
        #expect(Self.line("verdict:", in: runs[1].out).contains("billing works now"), "\(runs[1].out)")
        #expect(runs[2].out.components(separatedBy: "a past failure").count - 1 == 2, "\(runs[2].out)")
        #expect(!runs[2].out.contains("reconnect the number (Kapso") && !runs[2].out.contains("fix billing for the"), "\(runs[2].out)")
    }

    /// P39-14: a marketing template that failed 131049 for this Brazilian contact 2 h ago (and 131050 for another) is not
    /// re-sent by `reply --template`, dry run included, without --force; one line says why.
    @Test func replyRefusesAMarketingTemplateMetaJustRefused() async throws {
        let runs = try await runDemo(
            [
                "reply --to +5511987654321 --template black_friday --dry-run",
                "reply --to +5511987650050 --template black_friday --dry-run",
                "reply --to +5511987654321 --template black_friday --dry-run --force",
            ], number: "100200300400501", seed: Self.seed("marketing"))
        #expect(runs[0].status != 0 && runs[1].status != 0, "\(runs[0].out)\(runs[1].out)")
        #expect(runs[0].err.contains("reply: not sent: 131049: black_friday:") && runs[0].err.contains("2026-11-21T10:00:01Z"), "\(runs[0].err)")
        #expect(runs[0].err.split(separator: "\n").count == 1, "\(runs[0].err)")
        #expect(runs[1].err.contains("reply: not sent: 131050: black_friday:"), "\(runs[1].err)")
        #expect(runs[2].status == 0 && (runs[2].out + runs[2].err).contains("--force: sending although 131049"), "\(runs[2].out)\(runs[2].err)")
    }

    /// P39-2: a 132015 on order_update (en_US), APPROVED now: `trace` and `errors` say it is approved again and the send
    /// can go again, not "use another template; edit this one".
    @Test func aPausedTemplateApprovedNowIsSaidSo() async throws {
        let paused = "wamid.HBgLMTQxNTU1NTA0MDYVAgASGBQ0RjU1NTQzMDM2MDAwMDAwMDAwMAA="
        let runs = try await runDemo(["trace \(paused)", "errors"], number: "100200300400501", seed: Self.seed("paused"))
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("order_update (en_US) is APPROVED again now") && !verdict.contains("edit this one"), "\(runs[0].out)")
        #expect(runs[1].out.contains("order_update (en_US) is APPROVED again now") && !runs[1].out.contains("edit this one"), "\(runs[1].out)")
    }
}

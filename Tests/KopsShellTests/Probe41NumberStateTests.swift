import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Session 40: commands that disagreed about one number (probe41 P41-8, P41-5; probe42 P42-7, P42-6), each run on the
/// tester's seed (`Tests/Seeds/probe41-*.seed.json`, `probe42-shared-display.seed.json`, the real-world cases' seed):
/// every command states the facts `health`, `trace` and `message` state.
@Suite struct Probe41NumberStateTests {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("\(name).seed.json") }

    /// The printed lines (standard output and error) that contain `text`.
    static func lines(_ text: String, in run: Ran) -> [String] {
        (run.out + run.err).split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    /// P41-8 (`probe41-flagged`): Kapso's record says CONNECTED / GREEN; health reads FLAGGED, quality RED, messaging
    /// BLOCKED. Before a health read `numbers` shows the record alone; after it, `numbers` and `whois` mark the columns
    /// with health's state and say which is Kapso's stored copy, and `use` names the state.
    @Test func numbersAndWhoisSetHealthsStateBesideTheRecord() async throws {
        let runs = try await runDemo(
            ["numbers", "health", "numbers", "whois 100200300400501", "use 100200300400501"], number: "100200300400501",
            seed: Self.seed("probe41-flagged"), width: 2_000)
        #expect(!(runs[0].out + runs[0].err).contains("(health: "), "\(runs[0].out)")
        let row = Self.lines("100200300400501  +1 415-555-0100", in: runs[2]).first ?? ""
        #expect(row.contains("CONNECTED (health: FLAGGED)") && row.contains("GREEN (health: RED)"), "\(runs[2].out)")
        let said = "health (checked 2026-11-21T12:00:00Z) read Support Line (100200300400501) as FLAGGED, quality RED, messaging BLOCKED"
        #expect(Self.lines(said + "; STATUS and QUALITY above are Kapso's stored copy", in: runs[2]).count == 1, "\(runs[2].out)\(runs[2].err)")
        #expect(Self.lines("status:", in: runs[3]).first?.hasSuffix("CONNECTED (health: FLAGGED)") == true, "\(runs[3].out)")
        #expect(Self.lines("warning: " + said + "; status above is Kapso's stored copy", in: runs[3]).count == 1, "\(runs[3].out)")
        #expect(Self.lines("Support Line is FLAGGED now (health: ", in: runs[4]).count == 1, "\(runs[4].out)\(runs[4].err)")
        #expect(Self.lines(said + "; the STATUS and QUALITY 'numbers' lists are Kapso's stored copy", in: runs[4]).count == 1,
            "\(runs[4].out)\(runs[4].err)")
        // The other number, no health read of it: its record alone.
        #expect(Self.lines("100200300400502  +1 415-555-0101", in: runs[2]).first?.contains("(health: ") == false, "\(runs[2].out)")
    }

    /// P41-5 (`probe41-blocked`): messaging BLOCKED by the WABA's 141006 (business-initiated sends only): a template to a
    /// contact who never wrote is refused, dry run included, with health's reading; `--force` prepares it with a note; a
    /// free-form reply inside an open window is said, not refused.
    @Test func aTemplateDryRunNamesABusinessInitiatedBlock() async throws {
        let template = "reply --to +14155550199 --template order_update --language en_US --dry-run"
        let runs = try await runDemo(
            [template, template + " --force", "reply --to +14155550171 --dry-run hello"], number: "100200300400501",
            seed: Self.seed("probe41-blocked"), width: 2_000)
        let refusal = "error: reply: not sent: Support Line's health (checked 2026-11-21T12:00:00Z) says messaging is BLOCKED for "
            + "business-initiated sends (WABA: 141006 There is an error with the payment method.): a template to a contact with "
            + "no open 24-hour window is business-initiated, which a secondary source says such a block stops (no Meta page read "
            + "says so), so it is likely refused; fix: add a new payment method"
        #expect(runs[0].status == 1 && runs[0].err.hasPrefix(refusal), "\(runs[0].out)\(runs[0].err)")
        #expect(!runs[0].out.contains("dry run: nothing sent"), "\(runs[0].out)")
        #expect(runs[1].status == 0 && runs[1].err.contains("--force: sending although Support Line's health"), "\(runs[1].err)")
        #expect(runs[2].status == 0, "\(runs[2].out)\(runs[2].err)")
        #expect(runs[2].err.contains("a reply inside the 24-hour window is not business-initiated, so it may still go out"), "\(runs[2].err)")
    }

    /// P41-5, second shape (`probe41-token`): health's access check failed on the number's access token; a free-form reply
    /// inside the window is refused with that reading, as `health` says it blocks.
    @Test func aReplyDryRunNamesAnAccessTokenThatNoLongerWorks() async throws {
        let run = try await runDemo(
            ["reply --to +14155550171 --dry-run hello"], number: "100200300400501", seed: Self.seed("probe41-token"), width: 2_000)[0]
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.err.hasPrefix("error: reply: not sent: Support Line's health (checked "), "\(run.err)")
        #expect(run.err.contains(") says Meta's API cannot be reached for the number: Error validating access token"), "\(run.err)")
        #expect(run.err.contains("its access token no longer works, so a send from it fails until the number is reconnected"), "\(run.err)")
    }

    /// P42-7 (`probe42-shared-display`): 501 CONNECTED and 502 DISCONNECTED show +1 415-555-0100. `numbers` names both
    /// and advises the one that can send; `use`, `health` and `whois` by the display number take it and say so, the other
    /// named.
    @Test func aDisplayNumberTwoNumbersShowNamesBoth() async throws {
        let runs = try await runDemo(
            ["numbers", "use +1 415-555-0100", "whois +14155550100", "health +14155550100"], number: nil,
            seed: Self.seed("probe42-shared-display"), width: 2_000)
        let both = "2 numbers of this project show +1 415-555-0100: 100200300400501 (Support Line, CONNECTED) and 100200300400502 "
            + "(Support Line (old), DISCONNECTED)"
        #expect(Self.lines(both + "; 'use' takes the phone-number id to pick one", in: runs[0]).count == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(Self.lines("select one with 'use 100200300400501'", in: runs[0]).count == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].status == 0 && runs[1].out.hasPrefix("using 100200300400501 (+1 415-555-0100, Support Line)\n"), "\(runs[1].out)")
        let chosen = "using 100200300400501, the only one of them that can send (100200300400502 is DISCONNECTED); 'use 100200300400502' picks the other"
        #expect(Self.lines(both + "; " + chosen, in: runs[1]).count == 1, "\(runs[1].out)\(runs[1].err)")
        #expect(Self.lines("+14155550100 is the display number of 2 numbers of this project: 100200300400501 (Support Line, CONNECTED) and ",
            in: runs[2]).count == 1, "\(runs[2].out)")
        #expect(Self.lines("next: use 100200300400501, the only one of them that can send", in: runs[2]).count == 1, "\(runs[2].out)")
        #expect(Self.lines("100200300400501: ", in: runs[3]).count >= 1 && Self.lines(chosen.replacingOccurrences(of: "'use", with: "'health"),
            in: runs[3]).count == 1, "\(runs[3].out)\(runs[3].err)")
    }

    /// P42-7: with both records CONNECTED the display number does not say which: `use` refuses, naming both ids.
    @Test func aDisplayNumberTwoSendingNumbersShowIsRefused() async throws {
        let seed = try Probe39AgreementTests.seed("probe42-shared-display") {
            $0.replacingOccurrences(of: "\"DISCONNECTED\"", with: "\"CONNECTED\"")
        }
        let run = try await runDemo(["use +1 415-555-0100"], number: nil, seed: seed, width: 2_000)[0]
        #expect(run.status != 0, "\(run.out)\(run.err)")
        #expect(run.err.contains("2 numbers of this project show +1 415-555-0100: 100200300400502 (Support Line (old), CONNECTED) and "
            + "100200300400501 (Support Line, CONNECTED); the display number does not say which; pick one by phone-number id: use "
            + "100200300400502 (Support Line (old)) or use 100200300400501 (Support Line)"), "\(run.err)")
    }

    /// P42-6 (real-world case H21, sent → failed 131026 → delivered): `overview` counts it apart from the plain failure, as
    /// `message` says the outcome is not certain; its JSON has the two counts; `errors` says it too.
    @Test func overviewCountsASendReportedBothFailedAndDeliveredApart() async throws {
        let seed = SimulatorSeed.file(Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json").path)
        let runs = try await runDemo(["overview", "overview --output json", "errors"], number: "100200300400501", seed: seed, width: 2_000)
        let text = runs[0].out + runs[0].err
        #expect(text.contains("messages (24h):   1 send failed, 1 reported both failed and delivered (1 cause)"), "\(text)")
        #expect(text.contains("Support Line: 1 send failed, 1 reported both failed and delivered (1 cause)"), "\(text)")
        #expect(!text.contains("2 sends failed"), "\(text)")
        let json = runs[1].out
        #expect(json.contains("\"failed_sends\": 1") && json.contains("\"conflicting_sends\": 1") && json.contains("\"conflicting\": 1"), "\(json)")
        #expect((runs[2].out + runs[2].err).contains("(1 of them also reported delivered or read, so not certain)"), "\(runs[2].out)\(runs[2].err)")
    }
}

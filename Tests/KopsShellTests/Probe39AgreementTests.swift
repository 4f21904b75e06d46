import Foundation
import KapsoClient
import KopsHTTP
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Session 39: the gaps session 38's fixes left between commands on the same facts (probe39 P39-1, P39-4, P39-8, P39-12):
/// each test runs the commands on one seeded simulator and checks they state what `trace` (or `errors`) states.
@Suite struct Probe39AgreementTests {
    static func line(_ prefix: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }

    /// A copy of `Tests/Seeds/NAME.seed.json` with `edit` applied to its text, as a seed file of its own.
    static func seed(_ name: String, editing edit: (String) -> String) throws -> SimulatorSeed {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: folder.appendingPathComponent("Seeds/\(name).seed.json"), encoding: .utf8)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kops-\(name)-\(UUID().uuidString).seed.json")
        try edit(text).write(to: copy, atomically: true, encoding: .utf8)
        return SimulatorSeed.file(copy.path)
    }

    /// P39-8 (`probe39-disconnected`): Support Line's health says DISCONNECTED (its record says CONNECTED); a reply at 09:01 has
    /// only `sent`, after the contact's message at 09:00.
    static let sentOnDisconnected = "wamid.HBgLMTQxNTU1NTE3MDEVAgASGBQ0RjU1NTQwMDAwMDAwMDAwMDAwMAA="
    static let inboundOnDisconnected = "wamid.HBgLMTQxNTU1NTE3MDEVAgASGBQ0OTRFMDAwMDAwMDAwMDAwMDAwMAA="

    /// P39-8: `message` gives `trace`'s verdict (the number's state first); a reply from the number is refused, dry run
    /// included, in one line with the state and what to do; `--force` prepares it with a note.
    @Test func messageAndReplyNameANumberThatCannotSend() async throws {
        let runs = try await runDemo(
            [
                "message \(Self.sentOnDisconnected)", "trace \(Self.sentOnDisconnected)", "message \(Self.inboundOnDisconnected)",
                "reply --dry-run 'Any update?'", "reply 'Any update?'", "reply --dry-run --force 'Any update?'",
                "reply --to +14155551701 --template order_update --param A-1 --dry-run",
            ],
            number: "100200300400501", seed: Probe28RealTests.seed("probe39-disconnected"), width: 2_000)
        let traced = Self.line("verdict:", in: runs[1].out)
        #expect(traced.contains("first, the sending number is DISCONNECTED now"), "\(runs[1].out)")
        // `message` pads its field names; the verdict after them is trace's.
        #expect(Self.line("verdict:", in: runs[0].out).dropFirst("verdict:".count).drop { $0 == " " }
            == traced.dropFirst("verdict:".count).drop { $0 == " " }, "\(runs[0].out)")
        let refusal = "error: reply: not sent: Support Line is DISCONNECTED now (health: the number is disconnected from the WhatsApp "
            + "Cloud API): a reply from it fails until it is back; reconnect or re-register the number in Kapso"
        for run in [runs[3], runs[4]] {
            #expect(run.status == 1 && run.err.hasPrefix(refusal), "\(run.err)")
            #expect(run.err.hasSuffix("; or add --force to send anyway\n") && run.err.split(separator: "\n").count == 1, "\(run.err)")
        }
        #expect(runs[5].status == 0 && runs[5].err.contains("--force: sending although Support Line is DISCONNECTED now"), "\(runs[5].err)")
        #expect((runs[6].out + runs[6].err).contains("Support Line is DISCONNECTED now"), "\(runs[6].out)\(runs[6].err)")
    }

    /// P39-8: a number whose health says FLAGGED still sends: the dry run names the state, and nothing is refused.
    @Test func aFlaggedNumberIsSaidNotRefused() async throws {
        let seed = try Self.seed("probe39-disconnected") { $0.replacingOccurrences(of: "\"DISCONNECTED\"", with: "\"FLAGGED\"") }
        let runs = try await runDemo(
            ["message \(Self.inboundOnDisconnected)", "reply --dry-run 'Any update?'"], number: "100200300400501", seed: seed, width: 2_000)
        #expect(runs[1].status == 0, "\(runs[1].err)")
        #expect(runs[1].err.contains("Support Line is FLAGGED now (health: Meta FLAGGED the number"), "\(runs[1].err)")
        #expect(!runs[1].err.contains("fails until it is back"), "\(runs[1].err)")
    }

    /// P39-4 (`probe39-former-number`): 100200300400503 carries a conversation and two messages but is not a number of the
    /// project: `use` and `health` on it, and `health` with it selected, give `errors`' reading and what to do.
    @Test func useAndHealthNameANumberThatLeftTheProject() async throws {
        let former = "100200300400503"
        let seed = Probe28RealTests.seed("probe39-former-number")
        let runs = try await runDemo(["use \(former)", "health \(former)", "errors --flat"], number: "100200300400501", seed: seed, width: 2_000)
        let selected = try await runDemo(["health"], number: former, seed: seed, width: 2_000)
        let reading = "\(former) is not a number of this project now, but the messages read include 2 messages on it"
        #expect(runs[2].out.contains(reading), "\(runs[2].out)")
        for (run, command) in [(runs[0], "use"), (runs[1], "health"), (selected[0], "health")] {
            #expect(run.status == 1 && run.err.contains(reading), "\(run.err)")
            #expect(run.err.contains("'numbers' lists this project's, pick one: \(command) 100200300400502 (Sales Line) or "
                + "\(command) 100200300400501 (Support Line)"), "\(run.err)")
            #expect(!run.err.contains("no phone number in this project matches") && run.err.split(separator: "\n").count == 1, "\(run.err)")
        }
    }

    /// P39-12 (`probe39-reactions-131009`, the tester's repro12 and variants): each reaction refused with 131009 is read by
    /// what the data shows of the message it reacts to, in `trace` and in `errors`.
    @Test(arguments: [
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjQ1NDE0MzU0MDAwMDAwMDAwMAA=",
         "the message it reacts to (wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ0RjRDNDQwMDAwMDAwMDAwMDAwMAA=, 2026-10-12T10:00:00Z) was 40 "
            + "days old when the reaction was sent; Meta refuses reactions to messages over 30 days old"),
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjMyNWYzNDMwMzQwMDAwMDAwMAA=",
         "Kapso has no message wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ0ZDQ5NTM1MzQ5NGU0NzAwMDAwMAA= in this project (404)"),
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjMzNWY1MjQ1NDE0MzU0MDAwMAA=", "is itself a reaction, and Meta refuses reactions to reactions"),
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjM0NWY0ZjU0NDg0NTUyMDAwMAA=",
         "is not in this conversation (it is a message with +14155552402 on 100200300400501)"),
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjM1NWY0NDQ1NGMwMDAwMDAwMAA=",
         "was deleted (at 2026-11-21T10:03:00Z), and Meta refuses reactions to deleted messages"),
        ("wamid.HBgLMTQxNTU1NTI0MDEVAgASGBQ1MjM2NWY0ZTRmNGU0NTAwMDAwMAA=", "so kops cannot tell which applies"),
    ])
    func aReactionRefusedWith131009IsReadByTheMessageItReactsTo(_ reaction: String, _ cause: String) async throws {
        let runs = try await runDemo(
            ["trace \(reaction)"], number: "100200300400501", seed: Probe28RealTests.seed("probe39-reactions-131009"), width: 4_000)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("131009") && verdict.contains(cause), "\(runs[0].out)")
    }

    /// P39-1 (`probe39-later`): sends at `sent` the contact quoted (501) or reacted to (502), one delivered and quoted (503),
    /// one followed by a delivered and read send (504): `messages` and `whois WAMID` read the later messages as `trace` does,
    /// never a bare `sent`.
    @Test func messagesAndWhoisReadTheLaterEvidence() async throws {
        let quoted = "wamid.HBgLMTQxNTU1NTA1MDEVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let laterRead = "wamid.HBgLMTQxNTU1NTA1MDQVAgASGBQ0RjU1NTQ0MTAwMDAwMDAwMDAwMAA="
        let delivered = "wamid.HBgLMTQxNTU1NTA1MDMVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let runs = try await runDemo(
            ["messages", "whois \(quoted)", "whois \(laterRead)", "whois \(delivered)"], number: "100200300400501",
            seed: Probe39StaleTests.seed("later"), width: 2_000)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let listed = runs[0].out + runs[0].err
        #expect(listed.contains("\(quoted) sent, yet the contact replied quoting it at 2026-11-21T10:10:30Z"), "\(listed)")
        #expect(listed.contains("\(laterRead) sent, yet a later message to the same contact"), "\(listed)")
        #expect(listed.contains("\(delivered) delivered, and the contact replied quoting it"), "\(listed)")
        #expect(Self.line(quoted, in: runs[1].out).contains(", sent, yet the contact replied quoting it at 2026-11-21T10:10:30Z"),
            "\(runs[1].out)")
        #expect(Self.line(laterRead, in: runs[2].out).contains("not the phone being offline"), "\(runs[2].out)")
        #expect(Self.line(delivered, in: runs[3].out).contains("they saw it"), "\(runs[3].out)")
    }

    /// P39-1 with log search off for the project: the advice names what works there (Kapso support by the WAMID), never
    /// 'logs search --around', in `trace` and `message` alike.
    @Test func theLaterEvidenceAdviceWorksWithoutLogSearch() async throws {
        let quoted = "wamid.HBgLMTQxNTU1NTA1MDEVAgASGBQ0RjU1NTQzMTAwMDAwMDAwMDAwMAA="
        let out = try await withSimulator(seed: Probe39StaleTests.seed("later")) { fixture in
            let client = try fixture.client()
            var off = client.platformRequest("/", method: "POST", body: ["available": false])
            off.url = fixture.baseURL + "/__sim/log_search"
            _ = try client.perform(off)
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.context.now = { 1_795_262_400 }
            shell.terminalWidth = { 2_000 }
            _ = shell.run(line: "message \(quoted)")
            _ = shell.run(line: "trace \(quoted)")
            return output.out
        }
        let verdicts = out.split(separator: "\n").filter { $0.hasPrefix("verdict:") }
        #expect(verdicts.count == 2, "\(out)")
        for verdict in verdicts {
            #expect(verdict.contains("the contact replied quoting it") && !verdict.contains("logs search"), "\(verdict)")
            #expect(verdict.contains("Kapso support can look them up by the WAMID"), "\(verdict)")
        }
    }
}

import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The 24-hour window from evidence that is not the contact writing, or not a readable time (probe9's `p9` seed, cut to
/// contacts 72–90 of findings P9-2, P9-4, P9-5, P9-9, P9-11, P9-12, P9-18 and kept as `Tests/Seeds/window-evidence.seed.json`).
/// The simulator's clock is 2026-11-21T12:00:00Z.
@Suite struct WindowEvidenceSeedTests: PrintedLines {
    static var seed: SimulatorSeed { TestSeeds.file("window-evidence.seed.json") }

    /// Contact `141555501<contact>`'s message `n`, as probe9's `gen.py` builds its WAMID.
    static func id(_ contact: String, _ n: Int) -> String {
        let bytes: [UInt8] = [0x1c, 0x18, 0x0b] + Array("141555501\(contact)".utf8) + [0x15, 0x02, 0x00, 0x12, 0x18, 0x14, 0x01]
            + Array(String(format: "P%02d", n).utf8) + [UInt8](repeating: 0, count: 14)
        return "wamid." + Data(bytes).base64EncodedString()
    }

    static func conversation(_ contact: String) -> String { "0a1b2c3d-0000-4000-8000-0000000001\(contact)" }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P9-2: a `user_changed_number` notification 1 h ago opens no window; trace, reply and conversation name the new
    /// number, and conversation and conversations agree the window is closed (the contact last wrote 30 h ago).
    @Test func aChangedNumberOpensNoWindowAndNamesTheNewNumber() async throws {
        let id = Self.id("72", 2)
        let runs = try await run([
            "trace \(id)", "message \(id)", "reply --dry-run hi", "reply hi", "conversation \(Self.conversation("72"))", "conversations",
        ])
        #expect(runs[0].out.contains("window:       not opened by this message: it is a system notification that the contact changed "
            + "their number to +14155550999"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("free-form replies go through"))
        #expect(runs[0].out.contains("verdict: received a system notification") && runs[0].out.contains("write to +14155550999"))
        let dry = runs[2].out + runs[2].err
        #expect(dry.contains("changed their number to +14155550999"), "\(dry)")
        #expect(!dry.contains("\"context\""), "a notification is not quoted: \(dry)")
        #expect(runs[3].status == 1 && runs[3].err.contains("reply: not sent: ") && runs[3].err.contains("+14155550999"), "\(runs[3].err)")
        #expect(runs[4].out.contains("window:       closed since 2026-11-21T06:00:00Z"), "\(runs[4].out)")
        #expect(runs[4].out.contains("changed their number to +14155550999"))
        let row = try #require(runs[5].out.split(separator: "\n").first { $0.contains("14155550172") }, "\(runs[5].out)")
        #expect(row.contains("closed 6 h ago"), "\(row)")
    }

    /// P9-2: `whois` of the number the contact moved to finds them through Meta's notification.
    @Test func whoisFindsTheNumberAContactMovedTo() async throws {
        let run = try await run(["whois +14155550999"])[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("+14155550999 is the new number of the contact Contact 72 (14155550172)"), "\(run.out)")
    }

    /// P9-11: a revoke and a removed reaction 1 h ago are not the contact writing. The removed reaction leaves the window
    /// closed; the revoke's effect on it Meta does not document (its revoke reference gives triggers and payload only), so
    /// after it the window is unknown, never "closed" (fix48's leftover: the top-level revoke read "not opened … closed").
    @Test func aRevokeAndARemovedReactionOpenNoWindow() async throws {
        let runs = try await run(["trace \(Self.id("73", 2))", "trace \(Self.id("81", 2))", "conversation \(Self.conversation("81"))"])
        let revoke = Self.line("window:", in: runs[0].out)
        #expect(revoke.contains("whether this message opened it is not documented: it is the contact deleting an earlier message (revoke)"), "\(runs[0].out)")
        #expect(revoke.contains("the contact's window is unknown") && !revoke.contains("closed since"), "\(runs[0].out)")
        #expect(runs[1].out.contains("not opened by this message: it is a reaction removed"), "\(runs[1].out)")
        #expect(runs[1].out.contains("closed since 2026-11-21T06:00:00Z"))
        for run in runs.prefix(2) {
            #expect(!run.out.contains("opened by this message until") && !run.out.contains("free-form replies go through"), "\(run.out)")
        }
        #expect(runs[2].out.contains("window:       closed since 2026-11-21T06:00:00Z"), "\(runs[2].out)")
    }

    /// P9-9: an echo of a message sent from the WhatsApp Business app is said to be one, not a send outside the window
    /// from "the inbox or another project".
    @Test func aCoexistenceEchoIsNamed() async throws {
        let out = try await run(["trace \(Self.id("74", 2))"])[0].out
        #expect(out.contains("window:       does not apply: sent from the WhatsApp Business app (kapso.origin business_app"), "\(out)")
        #expect(out.contains("API calls: none: it was sent from the WhatsApp Business app"))
        #expect(!out.contains("closed when sent") && !out.contains("inbox or another project"))
        #expect(out.contains("verdict: sent 1 h ago from the WhatsApp Business app (a coexistence echo)"))
    }

    /// P9-4: millisecond timestamps are never read as year 58856: they are divided and named, as a status's are (probe26
    /// P26-17), and the queries built from them (the conversation look-up's `last_active_after`, trace's log search
    /// `around`) hold the real time, so `errors` lists no failure of kops's making.
    @Test func millisecondTimestampsAreReadInSecondsAndNamed() async throws {
        let runs = try await run(["messages", "trace \(Self.id("75", 2))", "conversation \(Self.conversation("75"))", "errors"])
        for run in runs { #expect(!run.out.contains("58856") && !run.err.contains("58856"), "\(run.out)\(run.err)") }
        #expect(runs[1].out.contains("sent:         2026-11-20T07:00:00Z (read from Unix milliseconds, not the Unix seconds Kapso documents)"),
            "\(runs[1].out)")
        #expect(runs[1].out.contains("window:       open when sent: last inbound 2026-11-20T06:00:00Z"), "\(runs[1].out)")
        #expect(runs[2].status == 0, "\(runs[2].err)")
        #expect(!runs[2].out.contains("window:       unknown") && runs[2].out.contains("2026-11-21T06:00:00Z"), "\(runs[2].out)")
        #expect(!runs[3].out.contains("log_search") && !runs[3].out.contains("422"), "\(runs[3].out)")
    }

    /// P9-5: an inbound message with an ISO date for a timestamp is read at that time (probe26 P26-17), never "none found":
    /// the window it opened is open, and trace names the form.
    @Test func anISOInboundTimeIsReadNotNone() async throws {
        let runs = try await run([
            "reply --dry-run --to +14155550184 hello", "conversation \(Self.conversation("84"))", "trace \(Self.id("84", 1))",
        ])
        let reply = runs[0].out + runs[0].err
        #expect(!reply.contains("no inbound message") && !reply.contains("is unknown"), "\(reply)")
        #expect(runs[1].out.contains("2026-11-21T11:00:00Z") && !runs[1].out.contains("none found"), "\(runs[1].out)")
        #expect(runs[2].out.contains("2026-11-21T11:00:00Z (read from ISO-8601, not the Unix seconds Kapso documents)"), "\(runs[2].out)")
        #expect(runs[2].out.contains("window:       opened by this message until 2026-11-22T11:00:00Z"), "\(runs[2].out)")
    }

    /// P9-12: an inbound time 5 h ahead of the API's clock is named, never a window of more than 24 hours.
    @Test func aTimeAheadOfTheServerClockIsNamed() async throws {
        let runs = try await run(["trace \(Self.id("83", 1))", "conversation \(Self.conversation("83"))"])
        for run in runs {
            #expect(!run.out.contains("1 d 5 h") && run.out.contains("5 h ahead of the API's clock"), "\(run.out)")
        }
        #expect(runs[0].out.contains("verdict: received; the 24-hour window is unknown: this message's time is unreadable"), "\(runs[0].out)")
    }

    /// The same time ahead of the API's clock reads alike in every command (`MessageTime`): `messages` shows no time
    /// for it (it printed it as given), `message` names it as `trace` does.
    @Test func aTimeAheadOfTheServerClockIsNoTimeInMessagesOrMessage() async throws {
        let runs = try await run(["messages --phone-number 14155550183", "message \(Self.id("83", 1))"])
        #expect(!runs[0].out.contains("2026-11-21T17:00:00Z"), "\(runs[0].out)")
        #expect(runs[0].out.split(separator: "\n").contains { $0.hasPrefix("-  ") }, "\(runs[0].out)")
        #expect(runs[1].out.contains("time:         unreadable: its timestamp 2026-11-21T17:00:00Z is 5 h ahead of the API's clock"),
            "\(runs[1].out)")
    }

    /// P9-18: a reply stamped 1 s before the inbound it answers, then delivered, was sent inside the window.
    @Test func aReplyStampedASecondEarlyIsInsideTheWindow() async throws {
        let out = try await run(["trace \(Self.id("90", 3))"])[0].out
        #expect(out.contains("window:       open when sent: last inbound 2026-11-21T11:00:00Z"), "\(out)")
        #expect(out.contains("stamped 1 s after the send") && !out.contains("closed when sent"))
    }
}

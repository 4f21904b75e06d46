import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `message`, `trace`, `conversations`, `messages` and `errors` on the probe21 seeds (`Tests/Seeds/probe21-*.seed.json`,
/// the tester's own): one reading of the contact's window and of each failure, whichever view shows it.
@Suite struct Probe21WindowTests: PrintedLines {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("probe21-\(name).seed.json") }

    /// The seeds' message with a tag (`X01`, `U12`), as the tester's scripts build the WAMID.
    static func id(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzIVAgASGBQ\(tag)AAAAAAAAAAAAAAAAA=" }

    func run(_ seed: String, _ lines: [String]) async throws -> [Ran] {
        let runs = try await runDemo(lines, number: "100200300400501", seed: Self.seed(seed))
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        return runs
    }

    /// P21-1: `message` states the contact's window from their newest message, as `trace` does; P21-2: a future-stamped
    /// message's verdict says unknown, as its window line does.
    @Test func messageAndTraceStateTheContactsWindow() async throws {
        let runs = try await run("shapes5", ["message \(Self.id("X01"))", "trace \(Self.id("X01"))", "trace \(Self.id("Y04"))"])
        let window = "the contact wrote again at 2026-11-21T11:57:40Z, so the 24-hour window is open for 23 h 57 min more"
        #expect(Self.line("verdict:", in: runs[0].out).contains(window), "\(runs[0].out)")
        #expect(!runs[0].out.contains("open for 10 min more"), "\(runs[0].out)")
        #expect(Self.line("verdict:", in: runs[1].out).contains(window), "\(runs[1].out)")
        let future = Self.line("verdict:", in: runs[2].out)
        #expect(future.contains("the 24-hour window is unknown: this message's time is unreadable"), "\(runs[2].out)")
        #expect(!future.contains("wrote again") && !future.contains("template"), "\(future)")
        #expect(Self.line("window:", in: runs[2].out).contains("unknown"))
    }

    /// P21-6: an edit, pin or revoke delivered as `unsupported` opens no window that kops states, in `conversations` and
    /// `trace`; a revoke is not "send it another way". Tester47 F2: Meta documents nothing on whether such an action
    /// opens the window, so an hour after one the window is unknown, never "closed"; the top-level edit (coexistence) too,
    /// since fix48's leftover (it read closed). P21-13: the grouped row's example is the message its meaning explains.
    @Test func anActionInEitherEnvelopeIsNotCountedAsOpening() async throws {
        let runs = try await run(
            "unsup11", ["conversations", "trace \(Self.id("U12"))", "trace \(Self.id("U92"))", "trace \(Self.id("U22"))", "errors"])
        let rows = runs[0].out.split(separator: "\n").filter { $0.contains("1415555020") || $0.contains("14155550299") }
        #expect(rows.count == 6, "\(runs[0].out)")
        // The top-level edit (U92, coexistence) too: Meta's edit reference says nothing on the window (fix48's leftover).
        #expect(rows.allSatisfy { $0.hasSuffix("unknown") }, "\(runs[0].out)")
        for text in [runs[1].out, runs[3].out] {
            #expect(Self.line("window:", in: text).hasPrefix("window:       whether this message opened it is not documented"), "\(text)")
            #expect(Self.line("verdict:", in: text).contains("the window is unknown: the last message the contact wrote, at 2026-11-20T11:00:00Z"), "\(text)")
        }
        let top = Self.line("window:", in: runs[2].out)
        #expect(top.hasPrefix("window:       whether this message opened it is not documented: it is the contact editing"), "\(runs[2].out)")
        #expect(!top.contains("delivered as unsupported") && top.contains("the contact's window is unknown"), "\(runs[2].out)")
        for text in runs[1...3].map(\.out) {
            #expect(!text.contains("free-form replies go through"), "\(text)")
            #expect(!text.contains("send it another way"), "\(text)")
        }
        #expect(Self.line("verdict:", in: runs[3].out).contains("the contact deleted an earlier message (revoke)"), "\(runs[3].out)")
        let row = runs[4].out.split(separator: "\n").first { $0.contains("131051") }.map(String.init) ?? ""
        #expect(row.contains("(unsupported: poll_update)"), "\(runs[4].out)")
    }

    /// P21-15: a 131047 at the closing second is the window closing as it was sent, not another number's inbound.
    @Test func aSendAtTheClosingSecondClosedAsItWasSent() async throws {
        let runs = try await run("edge17", ["trace \(Self.id("E03"))"])
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("the 24-hour window closed as this was sent (1 s left"), "\(runs[0].out)")
        #expect(!verdict.contains("another number"), "\(verdict)")
        #expect(Self.line("window:", in: runs[0].out).contains("(1 s left at the send)"), "\(runs[0].out)")
    }

    /// P21-19: after the contact wrote again, a send refused for the window can go again as is.
    @Test func aRefusedSendCanGoAgainOnceTheContactWrote() async throws {
        let runs = try await run("later22", ["trace \(Self.id("L02"))"])
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("the contact has written since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is"),
            "\(runs[0].out)")
        #expect(!verdict.contains("send an approved template"), "\(verdict)")
    }

    /// P21-17: a 131026 to the number the contact left is tied to the move in `trace` and `errors`, as `reply` ties it
    /// (ChangedNumberReplyTests).
    @Test func a131026ToTheOldNumberIsTheMoveEverywhere() async throws {
        let runs = try await run("mover18", ["trace \(Self.id("G03"))", "errors --flat"])
        let move = "sent to +14155550600 50 min after the contact changed their number to +14155550601 at 2026-11-21T11:00:00Z"
        #expect(Self.line("verdict:", in: runs[0].out).contains(move), "\(runs[0].out)")
        #expect(Self.line("window:", in: runs[0].out).contains("but the contact had changed their number to +14155550601"), "\(runs[0].out)")
        #expect(runs[1].out.contains(move) && !runs[1].out.contains("accept the terms"), "\(runs[1].out)")
    }

    /// P21-22: a read before the failure is marked in the list and in `errors`, as `message` reads it; P21-14: an
    /// `errors` object's code is read.
    @Test func aReadBeforeTheFailureIsMarkedEverywhere() async throws {
        let runs = try await run("shapes3", ["messages", "errors --flat", "message \(Self.id("N08"))"])
        let row = runs[0].out.split(separator: "\n").first { $0.contains(Self.id("N08")) }.map(String.init) ?? ""
        #expect(row.contains("failed 131026/read"), "\(runs[0].out)")
        // `trace`'s words since session 68 (one conflict reading for both commands).
        #expect(runs[1].out.contains("WhatsApp also reported it read at 2026-11-21T11:38:23Z, before this failure"), "\(runs[1].out)")
        #expect(Self.line("verdict:", in: runs[2].out).contains("after a read at"), "\(runs[2].out)")
        let odd = try await run("odd16", ["trace \(Self.id("O05"))"])
        #expect(Self.line("verdict:", in: odd[0].out).hasPrefix("verdict: failed: 131026 (message undeliverable)"), "\(odd[0].out)")
    }

    /// P21-18: `reply` with 30 s of window left says so before sending.
    @Test func aReplyWithSecondsLeftIsWarned() async throws {
        let runs = try await run("shapes2", ["reply --to 14155550177 --dry-run hello there", "reply --to 14155550176 --dry-run hello there"])
        #expect((runs[0].out + runs[0].err).contains("the 24-hour window closes in 30 s: a free-form message that reaches Meta after that fails with 131047"),
            "\(runs[0].out)\(runs[0].err)")
        #expect((runs[1].out + runs[1].err).contains("dry run: nothing sent") && !(runs[1].out + runs[1].err).contains("closes in"), "\(runs[1].err)")
    }

    /// P21-11: conversation times are shown as every other time, UTC `Z` at second precision.
    @Test func conversationTimesAreUTCSeconds() async throws {
        let runs = try await run("shapes2", ["conversations", "conversation 0a1b2c3d-0000-4000-8000-000000000176"])
        for text in runs.map(\.out) {
            #expect(!text.contains("+02:00") && !text.contains(".999999"), "\(text)")
        }
        #expect(Self.line("last active:", in: runs[1].out).hasSuffix("2026-11-20T12:30:00Z"), "\(runs[1].out)")
    }
}

import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// fix51 (tester50 F4's leftovers): what a replayed write creates besides the ids it returns (the API log's request id
/// of its own call, a conversation a send opened) is paired with the recorded one, a real difference is still reported,
/// and an id a write created that cannot be paired is named on the line that would use it, which is not run.
@Suite struct ReplayNewIDsTests {
    static let convThen = "0a1b2c3d-0000-4000-8000-000000000181"
    static let convNow = "0a1b2c3d-0000-4000-8000-000000000999"

    /// A trace block's lines as `trace` shows a send: its conversation and the API call that sent it.
    static func trace(conversation: String, request: String, status: String = "200") -> String {
        "conversation: \(conversation) (active)\n"
            + "2026-11-21T12:00:00Z  \(request)  POST    /meta/whatsapp/v24.0/100200300400501/messages  \(status)      1  kapso-sim\n"
    }

    static let sent = "sent <message 2> to <contact 1> (1415•••0181)\n"

    /// A write, then a trace whose conversation and request id are new on both pages: both are paired, the replay's
    /// page shows the recorded ones, and a later line typing the recorded conversation runs with the replay's.
    @Test func aRequestIDAndAConversationTheWriteMadeArePaired() {
        let then = Self.trace(conversation: Self.convThen, request: "req_00000000000040008000000000000011")
        let now = Self.trace(conversation: Self.convNow, request: "req_00000000000040008000000000000012")
        var ids = CreatedIDs(recordedPage: "> reply hi\n" + Self.sent + "> trace <message 2>\n" + then)
        ids.replayed(Self.sent, recorded: Self.sent, before: { ("> reply hi", "") }, wrote: (1, "reply hi", []), shown: { _ in nil })
        ids.replayed(now, recorded: then, before: { ("", "") }, wrote: nil, shown: { _ in nil })
        #expect(ids.page(now) == then)
        #expect(ids.line("conversation \(Self.convThen)", page: "conversation \(Self.convThen)") == "conversation \(Self.convNow)")
    }

    /// What is no new id of a write stays a difference: ids before any write sent, a row that differs in more than ids,
    /// and an id the recording shows elsewhere (an object it knew).
    @Test func aRealDifferenceIsStillReported() {
        let then = Self.trace(conversation: Self.convThen, request: "req_00000000000040008000000000000011")
        let now = Self.trace(conversation: Self.convNow, request: "req_00000000000040008000000000000012")
        var noWrite = CreatedIDs(recordedPage: then)
        noWrite.replayed(now, recorded: then, before: { ("", "") }, wrote: nil, shown: { _ in nil })
        #expect(noWrite.page(now) == now)

        let failed = Self.trace(conversation: Self.convThen, request: "req_00000000000040008000000000000012", status: "500")
        var status = CreatedIDs(recordedPage: then)
        status.replayed(Self.sent, recorded: Self.sent, before: { ("", "") }, wrote: (1, "reply hi", []), shown: { _ in nil })
        status.replayed(failed, recorded: then, before: { ("", "") }, wrote: nil, shown: { _ in nil })
        #expect(status.page(failed) == failed)

        // The recording listed the replay's conversation elsewhere: it is another known conversation, not a new one.
        var known = CreatedIDs(recordedPage: then + "conversations: \(Self.convNow)\n")
        known.replayed(Self.sent, recorded: Self.sent, before: { ("", "") }, wrote: (1, "reply hi", []), shown: { _ in nil })
        known.replayed(now, recorded: then, before: { ("", "") }, wrote: nil, shown: { _ in nil })
        #expect(known.page(now).contains(Self.convNow))
        #expect(!known.page(now).contains(Self.convThen))
    }

    /// A write whose new id cannot be paired (its block differs elsewhere) leaves what it created when recorded stale:
    /// a later line typing it gets a reason naming the id and the write's line; another id is no stale use.
    @Test func anUnpairedNewIDMakesTheRecordedOneStale() {
        let wamid = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRBNkQ4OEE1RDhEMDBDMjg5QzM3NAA="
        var ids = CreatedIDs()
        ids.replayed(
            "held: Meta took it\n" + Self.sent, recorded: Self.sent, before: { ("> message <message 1>", "") },
            wrote: (7, "reply \"hello there\"", [wamid]), shown: { _ in "<message 2>" })
        let reason = ids.staleUse(in: "trace <message 2>") ?? "none"
        #expect(reason.contains("<message 2>") && reason.contains("line 7"), "\(reason)")
        #expect(ids.staleUse(in: "trace <message 1>") == nil)
    }

    /// End to end: `message X; reply …; trace`, the reply's recorded block edited (a line kops printed then that it
    /// does not now), replayed with writes on a simulator where the send gets another WAMID: the trace is not run with
    /// the recorded send's WAMID (which this simulator does not have) but kept, the line saying why.
    @Test func aTraceAfterAnUnpairedReplyIsKeptAndSaysWhy() async throws {
        let number = "100200300400501"
        let recorded = try await withSimulator { fixture in
            let (reader, _) = try fixture.shell(phoneNumberID: number)
            _ = reader.run(line: "messages --direction inbound --limit 1; capture .data[0].id as inbound")
            let inbound = reader.context.session.variables["inbound"] ?? "none"
            let (shell, _) = try fixture.shell(phoneNumberID: number)
            shell.readOnly = false
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in ["message \(inbound)", "reply --force \"hello there\"", "trace"] { #expect(shell.run(line: line) == .ok) }
            shell.recorder = nil
            return (recorder.text, recorder.restore)
        }
        // The reply's block as an older kops printed it: a line more above the one that names the new message.
        var lines = recorded.0.components(separatedBy: "\n")
        let reply = try #require(lines.firstIndex { $0.contains("> reply --force") })
        lines.insert("note: a line this kops no longer prints", at: reply + 1)
        let page = lines.joined(separator: "\n")
        let traceLine = try #require(lines.firstIndex { $0.hasSuffix("> trace <message 2>") }) + 1
        let outcome = try await withSimulator { again in
            let (other, _) = try again.shell(phoneNumberID: number)
            other.readOnly = false
            #expect(other.run(line: "webhooks create --url https://other.example.test/h --events whatsapp.message.received") == .ok)
            let (shell, _) = try again.shell(phoneNumberID: number)
            return try TranscriptChecker(expected: page, path: "t.md", restore: recorded.1).replay(on: shell, allowWrites: true)
        }
        let kept = try #require(outcome.keptAsRecorded.first { $0.line == traceLine }, "\(outcome.keptAsRecorded)")
        #expect(kept.reason.contains("<message 2>") && kept.reason.contains("line \(reply + 1)"), "\(kept.reason)")
        #expect(!outcome.diff.contains { $0.contains("no message with WAMID") }, "\(outcome.diff.joined(separator: "\n"))")
    }
}

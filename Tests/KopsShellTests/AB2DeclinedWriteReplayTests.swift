import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB2: a `reply` declined at its `[y/N]` when recorded (block: `not sent`) was sent to the contact by `kops
/// check --allow-writes` and by any check on the demo, and a declined `webhooks update` was replayed; only `webhooks
/// delete`'s `not deleted` was kept as recorded. Every declined write keeps its recorded outcome and sends nothing.
@Suite struct AB2DeclinedWriteReplayTests {
    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    /// The transcript and restore lines of `lines` recorded on the demo, each `[y/N]` answered `answer`.
    static func record(_ lines: [String], answer: Bool) async throws -> (String, TranscriptRestore) {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            shell.context.isInteractive = true
            shell.context.confirm = { _ in answer }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return (recorder.text, recorder.restore)
        }
    }

    @Test(arguments: [
        ["message \(Demo.danaInbound)", "reply Hello there"],
        ["reply --to +14155550142 --template order_update --param Dana --param A12 --param shipped --param today"],
        ["webhooks update \(webhook) --events whatsapp.message.received"],
    ])
    func aDeclinedWriteReplaysAsRecordedAndSendsNothing(_ lines: [String]) async throws {
        let (transcript, restore) = try await Self.record(lines + ["webhooks get \(Self.webhook)"], answer: false)
        #expect(transcript.contains("\nnot sent\n```") || transcript.contains("\nnot updated; "), "\(transcript)")
        for allowWrites in [false, true] {
            let (outcome, deliveries) = try await withSimulator { fixture in
                let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
                let before = fixture.counters().deliveries
                let outcome = try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: allowWrites)
                return (outcome, fixture.counters().deliveries - before)
            }
            #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
            #expect(outcome.writesNotReplayed.isEmpty && outcome.writesNotSent.isEmpty && outcome.keptAsRecorded.isEmpty)
            #expect(deliveries == 0, "nothing was sent, so no status webhook was delivered")
        }
    }

    /// A reply answered `y` is a write as before: `check --allow-writes` sends it again, plain `check` does not.
    @Test func anAcceptedReplyIsStillAWriteNotReplayed() async throws {
        let (transcript, restore) = try await Self.record(["message \(Demo.danaInbound)", "reply Hello there"], answer: true)
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: false)
        }
        #expect(outcome.writesNotReplayed.count == 1, "\(transcript)")
    }

    /// tester57b AC5: a declined reply whose `not sent` line an editor ended with spaces (Markdown's hard break) was sent by
    /// `check --allow-writes`: white space at a line's end is no other outcome.
    @Test func aDeclinedReplyWithSpacesAfterItsOutcomeIsStillNotSent() async throws {
        let (recorded, restore) = try await Self.record(["message \(Demo.danaInbound)", "reply Hello there"], answer: false)
        let transcript = recorded.replacingOccurrences(of: "\nnot sent\n", with: "\nnot sent  \n")
        #expect(transcript != recorded)
        let (outcome, deliveries) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().deliveries
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: true)
            return (outcome, fixture.counters().deliveries - before)
        }
        #expect(outcome.writesNotReplayed.isEmpty && outcome.writesNotSent.isEmpty, "\(outcome.diff)")
        #expect(deliveries == 0, "nothing was sent")
    }
}

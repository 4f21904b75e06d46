import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// probe40 P40-2: a write whose recorded block shows it was never done (refused because the session was read-only,
/// failed before or at the API) is kept as recorded by `kops check` and never sent, `--allow-writes` or not: the
/// recorded session sent nothing, so a replay that sends it contacts a customer nobody wrote to.
@Suite struct Probe40RefusedWriteTests {
    private func record(_ lines: [String], readOnly: Bool) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.readOnly = readOnly
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    /// The replay's outcome and what the simulator's messages list shows after it.
    private func check(_ transcript: String, allowWrites: Bool) async throws -> (TranscriptChecker.Outcome, String) {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: allowWrites)
            let (reader, output) = try fixture.shell(phoneNumberID: "100200300400501")
            reader.run(line: "messages --limit 5 --output json")
            return (outcome, output.out)
        }
    }

    @Test(arguments: [false, true]) func aReplyRefusedAsReadOnlyIsNeverSent(allowWrites: Bool) async throws {
        let transcript = try await record(
            ["reply --to +14155550142 \"Refund approved: 120 EUR\"", "messages --limit 2"], readOnly: true)
        #expect(transcript.contains("changes data and scripts are read-only"), "\(transcript)")
        let (outcome, messages) = try await check(transcript, allowWrites: allowWrites)
        #expect(!messages.contains("Refund approved"), "the replay sent the refused reply:\n\(messages)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.writesNotReplayed.isEmpty && outcome.writesNotSent.isEmpty)
        #expect(outcome.dependedOn == nil)
        let reason = try #require(outcome.keptAsRecorded.first { $0.command.hasPrefix("reply") }?.reason)
        #expect(reason.contains("refused when recorded") && reason.contains("nothing was sent"), "\(reason)")
    }

    /// The same kind for a webhook: a delete refused as read-only leaves the webhook in place on replay.
    @Test func aDeleteRefusedAsReadOnlyIsNeverSent() async throws {
        let id = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
        let transcript = try await record(["webhooks delete \(id) --yes", "webhooks get \(id)"], readOnly: true)
        #expect(transcript.contains("'webhooks delete' changes data and scripts are read-only"), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
        }
        #expect(outcome.diff.isEmpty, "the replay deleted the webhook: \(outcome.diff)")
        #expect(outcome.writesNotSent.isEmpty && outcome.writesNotReplayed.isEmpty)
        #expect(outcome.keptAsRecorded.first { $0.command.hasPrefix("webhooks delete") }?.reason.contains("refused when recorded") == true)
    }
}

import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Session 26: the ids commands leave for later ones (`state`'s `last_webhook_id`, `last_message_id`,
/// `last_conversation_id`) were not in the transcript's header, so a `state` recorded after a `message` or `webhooks`
/// run before `record` never checked clean. The header holds them (the message id masked, given back by the restore
/// file), and `check` starts with them.
@Suite struct LastIDsCheckTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="

    @Test(arguments: [false, true])
    func aStateRecordedAfterCommandsThatSetTheLastIDsChecksClean(keepPII: Bool) async throws {
        let (text, restore, before) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            // Before the recording: what sets the last ids.
            shell.run(line: "message \(Self.wamid)")
            shell.run(line: "webhooks")
            let before = shell.context.session
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: keepPII), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "state")
            shell.run(line: "trace")
            return (recorder.text, recorder.restore, before)
        }
        #expect(before.lastMessageID == Self.wamid && before.lastConversationID != nil && before.lastWebhookID != nil)
        let header = TranscriptParser(text).header
        #expect(header.lastConversationID == before.lastConversationID)
        #expect(header.lastWebhookID == before.lastWebhookID)
        // The WAMID holds the contact's number: masked on the page unless personal data is kept, as typed in the restore.
        #expect(text.contains(Self.wamid) == keepPII, "\(text)")
        #expect(header.lastMessageID == (keepPII ? Self.wamid : "<message 1>"))
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            return try TranscriptChecker(expected: text, path: "t.md", restore: keepPII ? nil : restore).replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.restore == restore || keepPII, "--update keeps the restore line of the header's message id")
    }
}

import Foundation
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester54 V12: `kops check --allow-writes` of create → … → delete, when a line between answered differently on replay,
/// withheld the delete (by design) but left the webhook the replay had just created active in the project, and named only
/// the recording's id, long deleted. The withheld delete now names the replay's webhook and the command that removes it.
@Suite struct V12ReplayLeftWebhookTests {
    static let number = "100200300400501"

    @Test func aWithheldDeleteNamesTheWebhookTheReplayCreated() async throws {
        let create = "webhooks create --url https://left.example.test/hook --events whatsapp.message.received"
        let recorded = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            shell.readOnly = false
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            #expect(shell.run(line: create) == .ok)
            let id = shell.context.session.lastWebhookID ?? "none"
            #expect(shell.run(line: "webhooks delete \(id) --yes") == .ok)
            shell.recorder = nil
            return (recorder.text, recorder.restore, id)
        }
        // The create's block as if the API had answered it otherwise when recorded: the replay's create differs.
        let page = recorded.0.replacingOccurrences(of: "https://left.example.test/hook", with: "https://left.example.test/hook ")
        #expect(page != recorded.0)
        let (outcome, made, stillThere) = try await withSimulator { again in
            let (other, _) = try again.shell(phoneNumberID: Self.number)
            other.readOnly = false
            // Taken before the replay, so the replay's create gets another id than the recorded one.
            #expect(other.run(line: "webhooks create --url https://other.example.test/h --events whatsapp.message.read") == .ok)
            let (shell, _) = try again.shell(phoneNumberID: Self.number)
            let outcome = try TranscriptChecker(expected: page, path: "t.md", restore: recorded.1).replay(on: shell, allowWrites: true)
            let made = shell.context.session.lastWebhookID ?? "none"
            return (outcome, made, other.run(line: "webhooks get \(made)") == .ok)
        }
        #expect(made != recorded.2)
        #expect(stillThere, "the replay's webhook is left (the delete is withheld by design)")
        let reason = try #require(outcome.writesNotSent.first { $0.command.hasPrefix("webhooks delete") }?.reason)
        #expect(reason.contains("the replay created \(made) in place of \(recorded.2); it stays in the project"), "\(reason)")
        #expect(reason.contains("'webhooks delete \(made) --yes' removes it"), "\(reason)")
    }
}

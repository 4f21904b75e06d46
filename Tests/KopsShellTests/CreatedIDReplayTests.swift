import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester50 F4: `kops check --allow-writes` of a write followed by a use of what it created (`reply …; trace`, whose bare
/// `trace` is recorded as `trace <message 2>`; `webhooks create` then `webhooks get ID`). The replayed write creates
/// another id than the recorded one (a live API always does; here the simulator was used before the replay), and the
/// lines after it run with the replay's id and compare clean.
@Suite struct CreatedIDReplayTests {
    static let number = "100200300400501"

    /// Records `lines`, then the lines `then` gives from the session they left, on `fixture` into memory (personal data
    /// masked unless `keepPII`): the page, its restore lines and the recording's shell.
    private static func record(
        _ lines: [String], then: (Shell) -> [String] = { _ in [] }, on fixture: SimulatorFixture, keepPII: Bool
    ) throws -> (page: String, restore: TranscriptRestore, shell: Shell) {
        let (shell, _) = try fixture.shell(phoneNumberID: number)
        shell.readOnly = false
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context, keepPII: keepPII), destination: .memory, context: shell.context)
        shell.recorder = recorder
        for line in lines { #expect(shell.run(line: line) == .ok, "\(line)") }
        for line in then(shell) { #expect(shell.run(line: line) == .ok, "\(line)") }
        shell.recorder = nil
        return (recorder.text, recorder.restore, shell)
    }

    /// The newest inbound message of the demo's support number, the last message of `shell` after it.
    private static func inbound(_ shell: Shell) -> String {
        _ = shell.run(line: "messages --direction inbound --limit 1; capture .data[0].id as inbound")
        return shell.context.session.variables["inbound"] ?? "none"
    }

    /// `message X; reply …; trace` recorded, then replayed with writes on a simulator that sent a message before, so the
    /// replay's send gets another WAMID: the bare `trace`, recorded with the recorded send's id, traces the replay's.
    @Test(arguments: [false, true]) func aTraceAfterAReplayedReplyTracesTheReplaysMessage(keepPII: Bool) async throws {
        let recorded = try await withSimulator { fixture in
            let (reader, _) = try fixture.shell(phoneNumberID: Self.number)
            let inbound = Self.inbound(reader)
            let recorded = try Self.record(
                ["message \(inbound)", "reply --force \"hello there\"", "trace"], on: fixture, keepPII: keepPII)
            return (recorded.page, recorded.restore, recorded.shell.context.session.lastMessageID ?? "none")
        }
        let sent = recorded.2
        #expect(recorded.0.contains(keepPII ? "> trace \(sent)\n" : "> trace <message 2>\n"), "\(recorded.0)")
        let outcome = try await withSimulator { again in
            let (other, _) = try again.shell(phoneNumberID: Self.number)
            other.readOnly = false
            // Ids taken before the replay (a webhook's), so the replay's send gets another WAMID than the recorded one.
            #expect(other.run(line: "webhooks create --url https://other.example.test/h --events whatsapp.message.received") == .ok)
            let (shell, _) = try again.shell(phoneNumberID: Self.number)
            let checker = TranscriptChecker(expected: recorded.0, path: "t.md", restore: recorded.1)
            let outcome = try checker.replay(on: shell, allowWrites: true)
            #expect(shell.context.session.lastMessageID != sent, "the replay's send got a new WAMID")
            return outcome
        }
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
        // The trace is the replay's message's, and the API log's request id of its send call (another one: the webhook
        // created before took an id) is paired with the recorded one (fix51): no diff, so `--update` writes nothing.
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(!outcome.updateChanges)
    }

    /// `webhooks create` then `webhooks get ID` and `webhooks delete ID --yes`, recorded, then replayed with writes on a
    /// simulator where the recorded id is another webhook's: the get and the delete act on the replay's new webhook, and
    /// the other webhook is left alone.
    @Test func aWebhookGetAndDeleteAfterAReplayedCreateUseTheReplaysWebhook() async throws {
        let create = "webhooks create --url https://new.example.test/hook --events whatsapp.message.received"
        let recorded = try await withSimulator { fixture in
            let recorded = try Self.record([create], then: { shell in
                let id = shell.context.session.lastWebhookID ?? "none"
                return ["webhooks get \(id)", "webhooks delete \(id) --yes"]
            }, on: fixture, keepPII: false)
            return (recorded.page, recorded.restore)
        }
        // On a fresh simulator the first webhook created takes the id the recorded create took: another webhook's now.
        let outcome = try await withSimulator { again in
            let (other, _) = try again.shell(phoneNumberID: Self.number)
            other.readOnly = false
            #expect(other.run(line: "webhooks create --url https://other.example.test/hook --events whatsapp.message.received") == .ok)
            let otherID = other.context.session.lastWebhookID ?? "none"
            let (shell, _) = try again.shell(phoneNumberID: Self.number)
            let checker = TranscriptChecker(expected: recorded.0, path: "t.md", restore: recorded.1)
            let outcome = try checker.replay(on: shell, allowWrites: true)
            #expect(other.run(line: "webhooks get " + otherID) == .ok, "the other webhook was deleted")
            return outcome
        }
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// The pairing reads ids where the two blocks show them alike but for ids; a line whose other text differs pairs none.
    @Test func idsArePairedOnlyOnLinesAlikeButForIDs() {
        let wamid = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRBNkQ4OEE1RDhEMDBDMjg5QzM3NAA="
        #expect(CreatedIDs.pairs(now: "sent \(wamid) to x", then: "sent <message 2> to x").map(\.then) == ["<message 2>"])
        #expect(CreatedIDs.pairs(now: "sent \(wamid) to y", then: "sent <message 2> to x").isEmpty)
        var created = CreatedIDs()
        let unpaired = created.learn(
            created: ["00000000-0000-4000-8000-000000000009"],
            replayedBlock: "created webhook 00000000-0000-4000-8000-000000000009\n",
            recordedBlock: "created webhook 00000000-0000-4000-8000-000000000002\n", shown: { _ in nil })
        #expect(unpaired.isEmpty)
        #expect(created.line("webhooks get 00000000-0000-4000-8000-000000000002", page: "")
            == "webhooks get 00000000-0000-4000-8000-000000000009")
        #expect(created.page("id: 00000000-0000-4000-8000-000000000009") == "id: 00000000-0000-4000-8000-000000000002")
    }
}

import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Session 33: the header holds the last webhook, message and conversation ids the session had when the recording
/// started (session 26), but a part `record --append` added from another session started its replay with none, so
/// a `state` (or `trace`, which reads the last message) recorded there after `message`/`webhooks get` never checked
/// clean. Its `<!-- appended: … -->` line now names them too, the message id masked, as typed in the restore file.
@Suite struct AppendedLastIDsTests {
    private static let webhook = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"

    /// Records `first` into a transcript, then in another session runs `before` unrecorded and appends `second`; returns
    /// the file, its restore file's text and the replay's diff (and the diff after `--update`'s rewrite, replayed again).
    private func appended(first: [String], before: [String], second: [String]) async throws
        -> (transcript: String, restore: String, diff: [String], again: [String])
    {
        try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-last-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.path + "/ap.md"
            let sessions = [["record \(path)"] + first + ["record stop"], before + ["record \(path) --append"] + second + ["record stop"]]
            for lines in sessions {
                let shell = try fixture.shell().shell
                for line in lines { shell.run(line: line) }
            }
            let transcript = try String(contentsOfFile: path, encoding: .utf8)
            let restore = (try? String(contentsOfFile: path + ".restore", encoding: .utf8)) ?? ""
            let outcome = try TranscriptChecker(expected: transcript, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.shell().shell)
            // What `--update` would write (the page and its restore lines) replays the same.
            let rewritten = try TranscriptChecker(expected: outcome.actual, path: path, restore: outcome.restore)
                .replay(on: try fixture.shell().shell)
            return (transcript, restore, outcome.diff, rewritten.diff)
        }
    }

    @Test func aStateInAnAppendedPartShowsTheIdsItsSessionHad() async throws {
        let made = try await appended(
            first: ["use 100200300400501", "messages --limit 1"],
            before: ["use 100200300400501", "message \(Demo.danaInbound)", "webhooks get \(Self.webhook)"],
            second: ["state", "trace"])
        let parts = made.transcript.components(separatedBy: "<!-- appended:")
        #expect(parts.count == 2)
        #expect(parts[1].hasPrefix(" another session, profile default, phone number id 100200300400501"), "\(parts[1])")
        #expect(parts[1].contains(", last webhook id \(Self.webhook), last message id <message 2>, last conversation id "), "\(parts[1])")
        #expect(parts[1].contains("last_message_id:      <message 2>\n"), "\(parts[1])")
        // The WAMID (it holds the contact's number) is in the private restore file only.
        #expect(!made.transcript.contains("wamid."))
        #expect(made.restore.contains("\"- last message id: <message 2>\": \"\(Demo.danaInbound)\""), "\(made.restore)")
        #expect(made.diff.isEmpty, "\(made.diff.joined(separator: "\n"))")
        #expect(made.again.isEmpty, "\(made.again.joined(separator: "\n"))")
    }

    @Test func anAppendedLineReadsBackAsWritten() {
        let last = TranscriptHeader.LastIDs(webhook: Self.webhook, message: "<message 3>", conversation: "c-1, x")
        let line = TranscriptParser.appendedLine(
            profile: "acme", phoneNumberID: "100200300400501", sources: ["phone_number_id": "use"], last: last)
        let text = TranscriptHeader(time: "t", profile: "p", host: "h", phoneNumberID: nil).markdown
            + "```kops\nkops(p)> numbers\n```\n\n" + line + "\n\n```kops\nkops(acme)> state\n```\n"
        let read = TranscriptParser(text).commands.last?.appended
        #expect(read?.profile == "acme")
        #expect(read?.phoneNumberID == "100200300400501")
        #expect(read?.sources == ["phone_number_id": "use"])
        #expect(read?.last == last)
        // An older line, without them, reads as before: no ids.
        let older = TranscriptParser(text.replacingOccurrences(of: line, with: TranscriptParser.appendedLine(profile: "acme", phoneNumberID: nil)))
        #expect(older.commands.last?.appended?.last == TranscriptHeader.LastIDs())
    }
}

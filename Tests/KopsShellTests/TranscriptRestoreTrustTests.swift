import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// What `kops check` does with the restore file beside a masked transcript (probe22 P22-17, P22-12).
@Suite struct TranscriptRestoreTrustTests {
    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    /// Records `lines` on a fresh demo simulator (masked, in memory): the page and its restore lines.
    private func record(_ lines: [String]) async throws -> (transcript: String, restore: TranscriptRestore) {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return (recorder.text, recorder.restore)
        }
    }

    /// probe22 P22-17: a restore entry that does not mask to its block's line (`whois 1415…` restored as `whois …;
    /// webhooks delete … --yes`) is refused at its line before any of it runs, even with writes allowed; the webhook is
    /// still there afterwards.
    @Test func aRestoredLineThatDoesNotMaskToItsBlockIsNotRun() async throws {
        let (transcript, restore) = try await record(["whois +14155550157"])
        let shown = try #require(restore.lines.keys.first { $0.hasPrefix("whois ") }, "\(transcript)")
        #expect(restore.lines[shown] == ["whois +14155550157"])
        var evil = restore
        evil.lines[shown] = ["whois +14155550157; webhooks delete \(Self.webhook) --yes"]
        let tampered = evil
        let (thrown, after) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            var thrown: ScriptError?
            do {
                _ = try TranscriptChecker(expected: transcript, path: "t.md", restore: tampered).replay(on: shell, allowWrites: true)
            } catch let error as ScriptError { thrown = error }
            let before = output.out.count
            #expect(shell.run(line: "webhooks get \(Self.webhook)") == .ok)
            return (thrown, String(output.out.dropFirst(before)))
        }
        let error = try #require(thrown)
        guard case .restoreMismatch(_, _, let command, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(command == shown)
        #expect(ErrorReport(error).line().contains("t.md:"), "\(ErrorReport(error).line())")
        #expect(ErrorReport(error).line().contains("the restore file's line for '\(shown)' does not match it"))
        #expect(after.contains(Self.webhook), "\(after)")
        // The file's own restore lines still replay.
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// probe22 P22-17: a restored line matches its block's when only whitespace or an alias's number differs (a live
    /// API's new message renumbers `<message 3>` as `<message 4>`: CheckUpdateFileTests), not when anything else does.
    @Test func whatCountsAsTheSameMaskedLine() {
        #expect(TranscriptRestore.masksAlike("message <message 4>", "message <message 3>"))
        #expect(TranscriptRestore.masksAlike("whois\t+1 415 ••• 0157", "whois +1 415 ••• 0157"))
        #expect(!TranscriptRestore.masksAlike("whois +1 415 ••• 0157; webhooks delete x --yes", "whois +1 415 ••• 0157"))
        #expect(!TranscriptRestore.masksAlike("trace <message 1>", "message <message 1>"))
        #expect(!TranscriptRestore.masksAlike("whois +1 415 ••• 0142", "whois +1 415 ••• 0157"))
    }

    /// probe22 P22-17 B: a restore file that is not JSON is named as such, with where the JSON breaks, not "missing".
    @Test func aRestoreFileThatIsNotJSONIsNamedSo() async throws {
        let (transcript, _) = try await record(["whois +14155550157"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kops-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.md").path
        try transcript.write(toFile: path, atomically: true, encoding: .utf8)
        try #"{"kops restore": 1, "lines": {"whois x": "#.write(toFile: path + ".restore", atomically: true, encoding: .utf8)
        let problem = try #require(TranscriptRestore.problem(besides: path))
        #expect(problem.contains("JSON") && problem.contains("at byte"), "\(problem)")
        let thrown = try await withSimulator { fixture -> ScriptError? in
            guard let (shell, _) = try? fixture.shell(phoneNumberID: Demo.support) else { return nil }
            do {
                _ = try TranscriptChecker(
                    expected: transcript, path: path, restore: TranscriptRestore.load(besides: path), restoreProblem: problem
                ).replay(on: shell)
            } catch let error as ScriptError { return error } catch { return nil }
            return nil
        }
        let line = ErrorReport(try #require(thrown)).line()
        #expect(line.contains("t.md.restore is not a valid restore file (JSON"), "\(line)")
        #expect(!line.contains("missing"), "\(line)")
    }

    /// probe22 P22-12: a line typed with trailing whitespace is recorded without it, so trimming the file's trailing
    /// whitespace changes nothing; a transcript written before that (its restore key ends in a space) still replays once
    /// trimmed, and so does one whose tabs an editor turned to spaces.
    @Test func whitespaceEditsDoNotStopAMaskedLineReplaying() async throws {
        let (transcript, restore) = try await record(["whois +14155550157  ", "whois\t+14155550157"])
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.contains("whois") && ($0.hasSuffix(" ") || $0.hasSuffix("\t")) }, "\(transcript)")
        let tabbed = try #require(restore.lines.keys.first { $0.hasPrefix("whois\t") }, "\(restore.lines)")
        // An older recording kept the space in the key; an editor then trimmed the page and turned tabs to spaces.
        var older = restore
        let spaced = try #require(restore.lines.keys.first { $0.hasPrefix("whois ") })
        older.lines[spaced + " "] = older.lines.removeValue(forKey: spaced)
        let edited = transcript.replacingOccurrences(of: "\t", with: "    ")
        for restore in [restore, older] {
            let outcome = try await withSimulator { fixture in
                let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
                return try TranscriptChecker(expected: edited, path: "t.md", restore: restore).replay(on: shell)
            }
            #expect(outcome.diff.isEmpty, "\(tabbed): \(outcome.diff.joined(separator: "\n"))")
        }
    }

    /// probe22 P22-12: a line of only spaces or tabs records nothing, as an empty one.
    @Test func aWhitespaceOnlyLineRecordsNothing() async throws {
        let (transcript, _) = try await record(["explain 131047", "   ", "\t", "explain 130429"])
        #expect(transcript.components(separatedBy: "```kops").count == 3, "\(transcript)")
    }

    /// probe22 P22-5: `webhooks delete ID` declined at its confirmation (`n`) is recorded as the bare line with `not
    /// deleted`; `kops check` replays that outcome (no terminal to ask, no request), with or without writes allowed, and
    /// counts it as neither a write not replayed nor one not sent. After Ctrl-C at the prompt the block also carries
    /// the interrupted mark, and replays the same.
    @Test(arguments: [false, true])
    func aDeclinedDeleteReplaysAsNotDeleted(interrupted: Bool) async throws {
        let id = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
        var transcript = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            shell.context.isInteractive = true
            shell.context.confirm = { _ in false }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in ["webhooks delete \(id)", "webhooks get \(id)"] { shell.run(line: line) }
            return recorder.text
        }
        #expect(transcript.contains("> webhooks delete \(id)\nnot deleted\n```"), "\(transcript)")
        if interrupted {
            transcript = transcript.replacingOccurrences(
                of: "not deleted\n```", with: "not deleted\n\(TranscriptRecorder.interruptedLine)\n```")
        }
        let recorded = transcript
        for allowWrites in [false, true] {
            let (outcome, requests) = try await withSimulator { fixture in
                let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
                let before = fixture.counters().requests
                let outcome = try TranscriptChecker(expected: recorded, path: "t.md").replay(on: shell, allowWrites: allowWrites)
                return (outcome, fixture.counters().requests - before)
            }
            #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
            #expect(outcome.writesNotReplayed.isEmpty && outcome.writesNotSent.isEmpty && outcome.keptAsRecorded.isEmpty)
            #expect(requests > 0, "the `webhooks get` after it replays")
        }
    }
}

import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// What the recorder writes so a transcript replays as recorded (probe18).
@Suite struct TranscriptRecordingTests {
    /// Replays `page` with `kops check` on a fresh demo simulator, its restore lines beside it.
    private func check(_ page: RecordedPage) async throws -> TranscriptChecker.Outcome {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            return try TranscriptChecker(expected: page.transcript, path: "t.md", restore: page.restore).replay(on: shell)
        }
    }

    /// probe18 P18-23: `exit` and `quit` print nothing and are not recorded; a recorded one ended the replay there, so
    /// every block after it (a part continued with `record --append`) showed as removed.
    @Test(arguments: ["exit", "quit"])
    func exitIsNotRecordedSoWhatFollowsReplays(line: String) async throws {
        let page = try await recordPage(["explain 131047", line, "explain 130429"])
        #expect(!page.transcript.contains("> \(line)"), "\(page.transcript)")
        #expect(page.transcript.contains("> explain 130429\n"))
        let outcome = try await check(page)
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// probe18 P18-26: control characters typed or pasted into a line are escaped on its prompt line, as output is;
    /// the restore file keeps the line as it ran, so it replays.
    @Test func controlCharactersInALineAreEscapedAndItReplays() async throws {
        let typed = "explain \u{1B}[31m131047\u{1B}[0m"
        let page = try await recordPage(["set on_error continue", typed, "explain 131047\u{07}"])
        #expect(!page.transcript.contains("\u{1B}") && !page.transcript.contains("\u{07}"), "\(page.transcript)")
        #expect(page.transcript.contains("> explain \\x1b[31m131047\\x1b[0m\n"), "\(page.transcript)")
        #expect(page.transcript.contains("> explain 131047\\x07\n"), "\(page.transcript)")
        #expect(page.restore.lines["explain \\x1b[31m131047\\x1b[0m"] == [typed])
        let outcome = try await check(page)
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// probe18 P18-13: Ctrl-C under `kops run --record` records the interrupted line's block as the shell does
    /// (`error: cancelled`), not empty, so `kops check` keeps it instead of replaying it to an end never recorded.
    @Test func ctrlCInARecordedScriptSaysSoInItsBlock() async throws {
        let (transcript, restore) = try await withSimulator { fixture in
            let transport = CancellingTransport(
                inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")),
                when: "/webhook_deliveries")
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client,
                registry: .standard)
            let shell = Shell(context: context, renderer: Renderer(), output: BufferOutput())
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: context), destination: .memory, context: context)
            shell.recorder = recorder
            let outcome = ScriptRunner(path: "t.kops", source: "explain 131047\ndeliveries --limit 3\nnumbers\n").run(on: shell)
            #expect(outcome.status == .interrupted)
            return (recorder.text, recorder.restore)
        }
        #expect(transcript.contains("> deliveries --limit 3\nerror: cancelled\n```"), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.keptAsRecorded.map(\.command) == ["deliveries --limit 3"])
    }

    /// Records `lines` on a fresh demo simulator in `output` mode and replays them with `kops check` on another in the
    /// default mode, with writes sent when `allowWrites`.
    private func recordAndCheck(_ lines: [String], output: OutputMode = .table, allowWrites: Bool = false) async throws
        -> (transcript: String, outcome: TranscriptChecker.Outcome)
    {
        let (transcript, restore) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            shell.context.session.output = output
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return (recorder.text, recorder.restore)
        }
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore)
                .replay(on: shell, allowWrites: allowWrites)
        }
        return (transcript, outcome)
    }

    /// probe18 P18-11: a session recorded in JSON (or expanded) says so in its header, and `kops check` replays it in
    /// that mode whatever the mode of the one who checks it.
    @Test(arguments: [OutputMode.json, .expanded])
    func theOutputModeIsInTheHeaderAndReplayed(mode: OutputMode) async throws {
        let (transcript, outcome) = try await recordAndCheck(["webhooks", "health"], output: mode)
        #expect(transcript.contains("- output: \(mode.rawValue)\n"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// Tables (and `auto`, which writes tables on the page) add no header line.
    @Test func tablesAddNoOutputLine() async throws {
        let (transcript, outcome) = try await recordAndCheck(["webhooks"], output: .auto)
        #expect(!transcript.contains("- output:"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// probe18 P18-3: the secret `webhooks create` generates is random on every run, so its masked form on the page
    /// shows no tail; the create replays (with writes sent) as recorded, and so do the lists that show it.
    @Test(arguments: [OutputMode.table, .json])
    func aGeneratedSecretIsMaskedWithoutItsTailAndReplays(mode: OutputMode) async throws {
        let (transcript, outcome) = try await recordAndCheck(
            // `webhooks get` of the created one (the simulator's first id), not the list: a seeded secret whose masked
            // form the generated one happens to share (1 in 256 per secret) would lose its tail too.
            [
                "webhooks create --url https://e.example.test/h --events whatsapp.message.received",
                "webhooks get 00000000-0000-4000-8000-000000000001",
            ],
            output: mode, allowWrites: true)
        #expect(transcript.contains("whsec_…"), "\(transcript)")
        #expect(transcript.firstMatch(of: /whsec_…[0-9a-f]/) == nil, "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.writesNotSent.isEmpty)
    }

    /// probe18 P18-20: `webhooks delete ID` answered "y" at a terminal is recorded with `--yes`, the consent the answer
    /// gave, so `kops check --allow-writes` (where no one is asked) deletes it again instead of saying "missing --yes".
    @Test func aConfirmedDeleteIsRecordedWithYesAndReplays() async throws {
        let id = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
        let (transcript, restore) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            shell.context.isInteractive = true
            var asked: [String] = []
            shell.context.confirm = { question in
                asked.append(question)
                return true
            }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in ["webhooks delete \(id)", "webhooks"] { shell.run(line: line) }
            #expect(asked.count == 1)
            return (recorder.text, recorder.restore)
        }
        #expect(transcript.contains("> webhooks delete \(id) --yes\ndeleted webhook \(id)\n"), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            return try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: true)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    /// probe18 P18-27: `record` started after a message was looked up: `trace` without a WAMID traces the session's last
    /// message, which the transcript names on its line (masked, restored from the restore file), so it replays on a
    /// session that never looked it up.
    @Test func traceOfTheLastMessageNamesItOnItsLine() async throws {
        let (status, transcript, restore, replayDiff) = try await recordedAfterAMessage("trace")
        #expect(status == .ok)
        #expect(transcript.contains("> trace <message 1>\n"), "\(transcript)")
        #expect(restore.lines["trace <message 1>"] == ["trace \(Demo.danaInbound)"])
        #expect(replayDiff.isEmpty, "\(replayDiff.joined(separator: "\n"))")
    }
}

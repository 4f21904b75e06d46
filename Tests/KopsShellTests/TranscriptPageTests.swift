import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// What one recorded demo session wrote: the page, the terminal, and the restore file's lines.
struct RecordedPage: Sendable {
    var transcript: String
    var terminal: String
    var restore: TranscriptRestore
}

/// Records `lines` in memory on a fresh deterministic demo simulator, the terminal `width` columns wide.
func recordPage(_ lines: [String], width: Int? = 60, keepPII: Bool = false) async throws -> RecordedPage {
    try await withSimulator { fixture in
        let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
        shell.renderer = Renderer(width: width)
        let header = TranscriptHeader(context: shell.context, keepPII: keepPII)
        let recorder = try TranscriptRecorder(header: header, destination: .memory, context: shell.context)
        shell.recorder = recorder
        for line in lines { shell.run(line: line) }
        return RecordedPage(transcript: recorder.text, terminal: output.combined, restore: recorder.restore)
    }
}

/// Transcripts are written for the page: full width, masked before layout, API base as recorded.
@Suite struct TranscriptPageTests {
    @Test func tablesAreFullWidthOnThePageWhateverTheTerminalWidth() async throws {
        let page = try await recordPage(["messages --limit 3"], width: 60, keepPII: true)
        // At 60 columns the terminal shows each message's content and WAMID under its row (P9-23); the page keeps the table.
        let terminalHeader = try #require(page.terminal.split(separator: "\n").first { $0.hasPrefix("TIME") })
        #expect(!terminalHeader.contains("CONTENT"), "the 60-column terminal moves CONTENT under the rows")
        // A WAMID is one word, shown whole even where it is wider than the room.
        for line in page.terminal.split(separator: "\n") where !line.contains("wamid.") { #expect(TextWidth.displayWidth(line) <= 60, "\(line)") }
        #expect(page.transcript.contains("CONTACT      CONTENT"), "the page keeps the full table")
        let body = { (text: String) in String(text[text.range(of: "```kops")!.lowerBound...]) }
        #expect(!body(page.transcript).dropFirst(30).contains("…"))
        #expect(page.transcript.contains(Demo.danaInbound))
        let wide = try await recordPage(["messages --limit 3"], width: nil, keepPII: true)
        #expect(body(wide.transcript) == body(page.transcript))
    }

    @Test func autoModeStillWritesTheTableOnThePage() async throws {
        let page = try await recordPage(["output auto", "numbers"], width: 40, keepPII: true)
        #expect(page.terminal.contains("-[ RECORD 1 ]-"))
        #expect(page.transcript.contains("   ID               NUMBER           NAME"))
    }

    /// The canary is Lee Park's number: no form of it, nor a WAMID that encodes it, reaches the page.
    @Test func aContactNumberIsMaskedInEveryForm() async throws {
        let page = try await recordPage([
            "messages", "conversations", "deliveries", "output json", "messages", "conversations", "deliveries",
            "output table", "message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA=",
            "trace", "reply --to 14155550157 --dry-run hello", "use 100200300400501",
        ])
        for form in [
            "14155550157", "4155550157", "415-555-0157", "555-0157", "5550157", "MTQxNTU1NTAxNTc", "Lee Park", "wamid.",
        ] {
            #expect(!page.transcript.contains(form), "the page shows '\(form)'")
        }
        #expect(page.transcript.contains("1415•••0157"))
        #expect(page.transcript.contains("<message "))
        #expect(page.transcript.contains("\"conversation_phone_number\": \"1415•••0"))
        #expect(page.transcript.contains("using 100200300400501 (+1 415-555-0100, Support Line)"))
    }

    /// Contact numbers typed with the `00` prefix, spaces, dots, dashes or parentheses, or in national form,
    /// are masked in the command line and its output, in a form like the one typed, and replay as typed.
    @Test func contactNumbersTypedInAnyFormAreMaskedAndReplay() async throws {
        let lines = [
            "whois 0014155550157", "messages --phone-number 0014155550157 --limit 1", "whois '001 415 555 0157'",
            "whois 415.555.0157", "whois '(415) 555-0157'", "reply --to 0014155550142 --dry-run hi",
        ]
        let page = try await recordPage(lines)
        for form in ["14155550157", "4155550157", "415 555 0157", "415.555.0157", "555-0157", "555 0157", "4155550142"] {
            #expect(!page.transcript.contains(form), "the page shows '\(form)'")
        }
        #expect(page.transcript.contains("> whois 001415•••0157\n"))
        #expect(page.transcript.contains("> whois '(415) ••• 0157'\n"))
        #expect(page.transcript.contains("--to 001415•••0142 "))
        let typed = Set(page.restore.lines.values.flatMap { $0 })
        #expect(typed == Set(lines))
        let replayed = try await withSimulator { fixture in
            try TranscriptChecker(expected: page.transcript, path: "t.md", restore: page.restore)
                .replay(on: try fixture.shell(phoneNumberID: Demo.support).shell)
        }
        #expect(replayed.diff.isEmpty, "\(replayed.diff.joined(separator: "\n"))")
    }

    /// The business's own number stays as typed, also before any result of the recording named it.
    @Test func theBusinessNumberStaysAsTypedWhenTheSessionListedIt() async throws {
        let transcript = try await withSimulator { fixture in
            let shell = try fixture.shell().shell
            shell.run(line: "numbers")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "use +1 415-555-0100")
            shell.run(line: "whois 004155550100")
            return recorder.text
        }
        #expect(transcript.contains("> use +1 415-555-0100\n"))
        #expect(!transcript.contains("•••"))
        // Replayed on a session that has not listed its numbers, the line and its output are the same.
        let replayed = try await withSimulator { fixture in
            try TranscriptChecker(expected: transcript, path: "t.md").replay(on: try fixture.shell().shell)
        }
        #expect(replayed.diff.isEmpty, "\(replayed.diff.joined(separator: "\n"))")
    }

    /// `use NUMBER` as a recording's first line: the number its result names is the business's, unmasked.
    @Test func theBusinessNumberStaysAsTypedBeforeAnyResultNamedIt() async throws {
        let transcript = try await withSimulator { fixture in
            let shell = try fixture.shell().shell
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "use +1 415-555-0100")
            shell.run(line: "use '(415) 555-0157'")
            return (recorder.text, recorder.restore)
        }
        #expect(transcript.0.contains("> use +1 415-555-0100\nusing 100200300400501"))
        #expect(!transcript.0.contains("555-0157"))
        let replayed = try await withSimulator { fixture in
            try TranscriptChecker(expected: transcript.0, path: "t.md", restore: transcript.1)
                .replay(on: try fixture.shell().shell)
        }
        #expect(replayed.diff.isEmpty, "\(replayed.diff.joined(separator: "\n"))")
    }

    /// A canary contact who is not in the data: the number and the text typed to them stay off the page.
    @Test func aReplyToACanaryIsMaskedInTheCommandLineAndItsOutput() async throws {
        let page = try await recordPage([
            "reply --to +15550001234 --force Hello canary", "reply --to 15550001234 --dry-run 'Hi canary'",
        ])
        for form in ["15550001234", "5550001234", "555-000-1234", "MTU1NTAwMDEyMzQ", "canary", "wamid."] {
            #expect(!page.transcript.contains(form), "the page shows '\(form)'")
        }
        #expect(page.transcript.contains("> reply --to +1 555 ••• 1234 --force <body 1>\n"))
        #expect(page.restore.lines["reply --to +1 555 ••• 1234 --force <body 1>"] == ["reply --to +15550001234 --force Hello canary"])
    }

    /// A name kops read to phrase an answer (`sent … to Dana Ortiz`, from a conversation look-up, not in the result)
    /// is masked like one a result holds, also when the session never listed conversations.
    @Test func aNameKopsLookedUpIsMaskedInTheSentence() async throws {
        let page = try await recordPage(["reply --to +14155550142 --force hello there"])
        #expect(!page.transcript.contains("Dana"), "\(page.transcript)")
        #expect(page.transcript.contains("\nsent <message 1> to <contact 1> (1415•••0142)\n"))
    }

    /// A template value too short to mask everywhere (`42`) is masked where a summary lists the values.
    @Test func aShortTemplateValueIsMaskedInTheListOfValues() async throws {
        let page = try await recordPage(["reply --to 14155550157 --template login_code --param 42", "messages --limit 1"])
        #expect(!page.transcript.contains("(en_US): 42"), "\(page.transcript)")
        #expect(page.transcript.contains("template login_code (en_US): <body 1>, <body 1>"), "\(page.transcript)")
    }

    @Test func maskedCommandLinesAreKeptAsTypedForTheRestoreFile() async throws {
        let page = try await recordPage(["message \(Demo.danaInbound)"])
        #expect(page.transcript.contains("> message <message 1>\n"))
        #expect(page.restore.lines == ["message <message 1>": ["message \(Demo.danaInbound)"]])
    }

    @Test func aMaskedTranscriptReplaysWithItsRestoreFileAndSaysWhatIsMissingWithout() async throws {
        let page = try await recordPage(["message \(Demo.danaInbound)", "trace"])
        let (replayed, missing) = try await withSimulator { fixture in
            let shell = try fixture.shell().shell
            let replayed = try TranscriptChecker(expected: page.transcript, path: "t.md", restore: page.restore)
                .replay(on: shell)
            let missing = Result { () throws(ScriptError) in
                try TranscriptChecker(expected: page.transcript, path: "t.md").replay(on: shell)
            }
            return (replayed, missing)
        }
        #expect(replayed.diff.isEmpty, "\(replayed.diff.joined(separator: "\n"))")
        #expect(throws: ScriptError.missingRestore(path: "t.md.restore", line: "message <message 1>")) {
            try missing.get()
        }
    }

    /// Two lines typed differently that mask to the same text each replay as typed (restore by occurrence).
    @Test func differentLinesMaskedAlikeEachReplayTheirOwnLine() async throws {
        let page = try await recordPage([
            "whois '+1.415.555.0157'", "whois '(415) 555-0157'", "whois '+1.415.555.0157'",
        ])
        let (replayed, file) = try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            let folder = NSTemporaryDirectory() + "restore-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            page.restore.save(besides: folder + "/t.md")
            let file = TranscriptRestore.load(besides: folder + "/t.md")
            let replayed = try TranscriptChecker(expected: page.transcript, path: "t.md", restore: file).replay(on: shell)
            return (replayed, file)
        }
        #expect(file == page.restore)
        #expect(replayed.diff.isEmpty, "\(replayed.diff.joined(separator: "\n"))")
        let typed = Set(page.restore.lines.values.flatMap { $0 })
        #expect(typed.contains("whois '+1.415.555.0157'") && typed.contains("whois '(415) 555-0157'"))
    }

    @Test func checkRefusesAFileThatIsNotATranscript() async throws {
        let outcome = try await withSimulator { fixture in
            Result { () throws(ScriptError) in
                try TranscriptChecker(expected: "# Project\n\nhello\n", path: "README.md").replay(on: try! fixture.shell().shell)
            }
        }
        #expect(throws: ScriptError.notATranscript(path: "README.md")) { try outcome.get() }
        #expect(
            ScriptError.notATranscript(path: "README.md").message
                == "'README.md' is not a kops transcript (no '# kops transcript' first line), so it was left as it is; transcripts are what 'record' writes, and a script of kops commands runs with 'kops run FILE'")
    }

    /// A transcript comes from someone else: `check` refuses, before anything runs, a line that would change
    /// which host gets the checker's key, read their environment, or run a script file.
    @Test(arguments: [
        ("profile add evil --base-url http://127.0.0.1:9 --key-env KAPSO_API_KEY --default", "changes which API host and key"),
        ("explain ${env:HOME}", "reads your environment"),
    ])
    func checkRefusesLinesThatChangeTheSessionBeforeAnythingRuns(line: String, reason: String) async throws {
        let page = try await recordPage(["numbers"], keepPII: true)
        let transcript = page.transcript + "\n```kops\nkops(default)> \(line)\n```\n"
        let (outcome, output) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = Result { () throws(ScriptError) in try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell) }
            return (outcome, output.combined)
        }
        #expect(output.isEmpty, "nothing ran, not even the numbers before it")
        #expect {
            try outcome.get()
        } throws: { error in
            guard case .notReplayed(let path, let at, let command, let why) = error as? ScriptError else { return false }
            return path == "t.md" && at > 1 && command == line && why.contains(reason)
        }
    }

    /// A line that acts only outside the session (writes a file, prints history, opens a port, reads a file, sends
    /// to a URL) is not run by `check`: its recorded block is kept, the rest of the transcript replays, and the
    /// line is named with the reason (a transcript recorded with `bundle` in it checks clean).
    @Test(arguments: [
        ("bundle /tmp/kops-check-kept-\(UInt32.random(in: 0...UInt32.max)).md", "writes files"),
        ("history", "prints your own command history"),
        // probe18 P18-24: read-only, they refused the whole transcript (exit 64) as the lines that switch API did.
        ("profile", "shows the profiles of the machine it ran on"),
        ("profile list", "shows the profiles of the machine it ran on"),
        ("listen --port 9", "opens a port"),
        ("replay /tmp/d --to http://127.0.0.1:9/", "reads files from your machine"),
        ("verify --secret s --signature 00 --file /etc/hostname", "reads a file"),
        ("webhooks fire message-lifecycle --to http://127.0.0.1:9/ --secret s", "sends requests to a URL"),
        ("webhooks --scope project probe", "sends requests to a URL"),
        // probe8 P8-5: run again, a follow would wait forever for events that came once.
        ("deliveries --follow", "follows new events until stopped with Ctrl-C"),
        // probe14 P14-6: a recorded `source` holds what its script's commands showed; refusing it refused the whole
        // transcript (exit 64), so nothing else was checked.
        ("source /tmp/kops-check-kept.kops", "runs a script file from your machine; its block keeps what the script's commands showed"),
        // Session 26: a `--secret-env` line refused the whole transcript; kept as recorded while the checker's variable
        // of that name is not set (session 33: `SecretEnvironmentCheckTests` replays it when it is).
        ("verify --secret-env HOME --signature sha256=00 --body x", "it needs HOME set, to the secret it read when recorded (--secret-env HOME)"),
        ("webhooks fire message-lifecycle --to http://127.0.0.1:9/ --secret-env HOME", "(--secret-env HOME)"),
        ("replay /tmp/d --to http://127.0.0.1:9/ --meta-secret-env=HOME", "(--meta-secret-env HOME)"),
    ])
    func checkKeepsTheBlockOfALineThatActsOutsideTheSession(line: String, reason: String) async throws {
        let page = try await recordPage(["numbers"], keepPII: true)
        let block = "```kops\nkops(default)> \(line)\nrecorded output\n```\n"
        let transcript = page.transcript + "\n" + block
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell()
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.commands == 2)
        #expect(outcome.keptAsRecorded.map(\.command) == [line])
        #expect(outcome.keptAsRecorded.first?.reason.contains(reason) == true)
        #expect(outcome.actual.contains(block))
        if line.hasPrefix("bundle ") {
            #expect(!FileManager.default.fileExists(atPath: String(line.dropFirst(7))), "no file written")
        }
    }

    @Test func aTranscriptsOwnVariablesStillReplay() {
        #expect(ScriptPolicy.notReplayed("webhooks get ${hook}", registry: .standard) == nil)
        #expect(ScriptPolicy.notReplayed("verify --secret s --signature 00 --body '{}'", registry: .standard) == nil)
        #expect(ScriptPolicy.notReplayed("webhooks test 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", registry: .standard) == nil)
    }

    @Test func checkIgnoresTrailingBlankLinesAndNamesTheCommandThatChanged() async throws {
        let page = try await recordPage(["use 100200300400502", "health"], keepPII: true)
        let trimmed = String(page.transcript.dropLast(2))
        let changed = page.transcript.replacingOccurrences(of: "Sales Line", with: "Sales Lime")
        let (same, different) = try await withSimulator { fixture in
            (
                try TranscriptChecker(expected: trimmed + "\n\n\n").replay(on: try fixture.shell().shell),
                try TranscriptChecker(expected: changed).replay(on: try fixture.shell().shell)
            )
        }
        #expect(same.diff.isEmpty, "\(same.diff)")
        #expect(different.diff.first?.hasSuffix(" (in 'use 100200300400502')") == true, "\(different.diff)")
    }
}

/// `record` refuses to overwrite, continues with --append, replaces with --force, and works mid-line.
@Suite struct RecordFileTests {
    private func inFolder<T: Sendable>(_ body: @escaping @Sendable (Shell, BufferOutput, String) throws -> T) async throws -> T {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-rec-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try body(shell, output, folder.path)
        }
    }

    @Test func refusesAnExistingFileUnlessAppendOrForce() async throws {
        let (status, err, kept, appended, replaced) = try await inFolder { shell, output, folder in
            let path = folder + "/notes.md"
            try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: path))
            let status = shell.run(line: "record \(path)")
            let kept = try String(contentsOfFile: path, encoding: .utf8)
            let appendStatus = shell.run(line: "record \(path) --append")
            let t = folder + "/t.md"
            shell.run(line: "record \(t); explain 131047; record stop")
            shell.run(line: "record \(t) --append; explain 131026; record stop")
            let appended = try String(contentsOfFile: t, encoding: .utf8)
            shell.run(line: "record \(t) --force; explain 368; record stop")
            let replaced = try String(contentsOfFile: t, encoding: .utf8)
            #expect(appendStatus == .usage)
            return (status, output.err, kept, appended, replaced)
        }
        #expect(status == .failure)
        #expect(err.contains("notes.md' already exists; add --append to continue it, --force to replace it, or pick another name\n"))
        #expect(kept == "my notes\n")
        #expect(appended.components(separatedBy: "# kops transcript").count == 2)
        #expect(appended.contains("> explain 131047; record stop\n") && appended.contains("> explain 131026; record stop\n"))
        #expect(!replaced.contains("131047") && replaced.contains("> explain 368; record stop\n"))
    }

    /// Records `first` in one shell and `then` in another with `record --append` to the same file, then replays the
    /// file with `kops check` on a third: the file and the replay's diff.
    private func recordInTwoSessions(_ first: [String], then second: [String]) async throws -> (String, [String]) {
        try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-rec-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.path + "/ap.md"
            for lines in [["record \(path)"] + first + ["record stop"], ["record \(path) --append"] + second + ["record stop"]] {
                let shell = try fixture.shell().shell
                for line in lines { shell.run(line: line) }
            }
            let transcript = try String(contentsOfFile: path, encoding: .utf8)
            let outcome = try TranscriptChecker(expected: transcript, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.shell().shell)
            return (transcript, outcome.diff)
        }
    }

    /// probe3 F15: a transcript continued with `--append` by another session replays that part with a fresh
    /// session (no number carried over from the first part), so `kops check` passes on it.
    @Test func anAppendFromAnotherSessionReplaysAsThatSession() async throws {
        let (transcript, diff) = try await recordInTwoSessions(["use 100200300400501"], then: ["numbers"])
        #expect(transcript.contains("<!-- appended: another session, profile default, phone number id none -->\n\n```kops\nkops(default)> numbers"))
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }

    /// probe8 P8-6: the appended part numbers its placeholders after the file's, so one placeholder never stands for
    /// two values in one file, and the file still replays.
    @Test func anAppendContinuesThePlaceholderNumbers() async throws {
        let (transcript, diff) = try await recordInTwoSessions(
            ["use 100200300400501", "messages --limit 1"], then: ["use 100200300400501", "message \(Demo.danaInbound)"])
        let parts = transcript.components(separatedBy: "<!-- appended:")
        #expect(parts.count == 2)
        #expect(parts[0].contains("<message 1>") && parts[0].contains("<body 1>"), "\(parts[0])")
        #expect(parts[1].contains("> message <message 2>"), "\(parts[1])")
        #expect(!parts[1].contains("<message 1>") && !parts[1].contains("<body 1>"), "\(parts[1])")
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }

    @Test func recordMidLineRecordsTheRestOfTheLine() async throws {
        let transcript = try await inFolder { shell, _, folder in
            shell.run(line: "record \(folder)/c.md; use 100200300400501; explain 131047")
            return try String(contentsOfFile: folder + "/c.md", encoding: .utf8)
        }
        #expect(transcript.contains("```kops\nkops(default)> use 100200300400501; explain 131047\nusing 100200300400501"))
        #expect(transcript.hasSuffix("```\n\n"))
    }

    @Test func theRestoreFileIsPrivate() async throws {
        let (mode, transcript) = try await inFolder { shell, _, folder in
            shell.run(line: "record \(folder)/p.md; message \(Demo.danaInbound)")
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/p.md.restore")
            return ((attributes[.posixPermissions] as? Int) ?? 0, try String(contentsOfFile: folder + "/p.md", encoding: .utf8))
        }
        #expect(mode == 0o600)
        #expect(!transcript.contains("wamid."))
    }
}

/// `bundle`: one file for a support ticket that `kops check` replays.
@Suite struct BundleCommandTests {
    struct Made: Sendable {
        var bundle: String
        var restore: TranscriptRestore?
        var replayDiff: [String]
        var refused: String
    }

    @Test func holdsFactsTheSessionHealthAndRequestIdsAndReplays() async throws {
        let made = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            shell.context.environment = ["PROJECT_ID": "proj_demo_1"]
            shell.run(line: "record \(folder.path)/s.md")
            shell.run(line: "use 100200300400501")
            shell.run(line: "message \(Demo.danaInbound)")
            shell.run(line: "bundle \(folder.path)/b.md --period 7d")
            shell.run(line: "bundle \(folder.path)/b.md")
            let path = folder.path + "/b.md"
            let bundle = try String(contentsOfFile: path, encoding: .utf8)
            let restore = TranscriptRestore.load(besides: path)
            let replay = try TranscriptChecker(expected: bundle, path: path, restore: restore)
                .replay(on: try fixture.shell().shell)
            return Made(bundle: bundle, restore: restore, replayDiff: replay.diff, refused: output.err)
        }
        #expect(made.bundle.hasPrefix("# kops transcript\n"))
        // PROJECT_ID names another project than the key's webhooks do: both are said (P45-14).
        #expect(made.bundle.contains(
            "- project: proj_demo_1 (PROJECT_ID); but the API key's webhooks name project 5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21: "
                + "the key may be another project's\n"))
        #expect(made.bundle.contains("- number: 100200300400501 ("))
        #expect(made.bundle.contains("- time window: 2026-11-14T12:00:00Z to 2026-11-21T12:00:00Z (7d)\n"))
        #expect(made.bundle.contains("## Session transcript\n\n```kops\nkops(default)> use 100200300400501\n"))
        #expect(made.bundle.contains("> message <message 1>\n"))
        #expect(!made.bundle.contains("> bundle"), "the open block of the line that made the bundle is left out")
        #expect(made.bundle.contains("## Diagnostics\n\n```kops\nkops(default:…0501)> state\n"))
        #expect(made.bundle.contains("> health\n100200300400501: healthy"))
        #expect(made.bundle.contains("> logs --errors --ids --period 7d\nTIME                  LOG ID  "))
        #expect(!made.bundle.contains("wamid.") && !made.bundle.contains("14155550142"))
        #expect(made.restore?.lines["message <message 1>"] == ["message \(Demo.danaInbound)"])
        #expect(made.replayDiff.isEmpty, "\(made.replayDiff.joined(separator: "\n"))")
        #expect(made.refused.contains("b.md' already exists; add --force to replace it, or pick another name"), "a second bundle does not overwrite")
    }
}

extension BundleCommandTests {
    /// A bundle made after a session that was not recorded: its `state` (set by `use`, `trace`) and its API log
    /// (kops's own look-up made by `trace`) come from commands it does not hold, so `kops check` keeps its blocks
    /// as recorded, says so, and finds nothing changed.
    @Test func aBundleWithoutARecordedSessionIsASnapshotCheckKeeps() async throws {
        let (bundle, replay) = try await withSimulator { fixture in
            let shell = try fixture.shell().shell
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            shell.run(line: "use 100200300400501")
            shell.run(line: "trace \(Demo.leeFailedReply)")
            shell.run(line: "bundle \(folder.path)/b.md")
            let path = folder.path + "/b.md"
            let bundle = try String(contentsOfFile: path, encoding: .utf8)
            let replay = try TranscriptChecker(expected: bundle, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.shell().shell)
            return (bundle, replay)
        }
        #expect(bundle.contains("## Diagnostics\n\n" + TranscriptParser.snapshotLine + "\n"))
        #expect(bundle.contains("last_message_id:      <message 1>"))
        #expect(replay.snapshots == 4)
        #expect(replay.diff.isEmpty, "\(replay.diff.joined(separator: "\n"))")
        #expect(replay.actual == bundle)
    }

    /// probe12 P12-6: `bundle FILE --force` onto the file being recorded (named another way, through `..`) replaced the
    /// recording with a bundle that could not be checked. It is refused, with or without --force (without, "add --force"
    /// would lead there), and the recording goes on.
    @Test(arguments: ["", " --force"])
    func aBundleOntoTheTranscriptBeingRecordedIsRefused(_ force: String) async throws {
        let (err, status, transcript, check) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            shell.run(line: "record \(folder.path)/s.md")
            shell.run(line: "use 100200300400501")
            shell.run(line: "message \(Demo.danaInbound)")
            let named = "\(folder.path)/../\(folder.lastPathComponent)/s.md"
            let status = shell.run(line: "bundle \(named)\(force)")
            shell.run(line: "health")
            shell.run(line: "record stop")
            let path = folder.path + "/s.md"
            let transcript = try String(contentsOfFile: path, encoding: .utf8)
            let check = try TranscriptChecker(expected: transcript, path: path, restore: TranscriptRestore.load(besides: path))
                .replay(on: try fixture.shell().shell)
            let err = output.err.replacingOccurrences(of: named, with: "NAMED")
            return (err, status, transcript, check)
        }
        #expect(status == .failure)
        #expect(
            err.contains(
                "error: bundle: 'NAMED' is the transcript being recorded, and the bundle holds a copy of it; "
                    + "name another file for the bundle, or leave out the name\n"), "\(err)")
        #expect(!transcript.contains("## Support bundle"))
        #expect(transcript.contains("> message <message 1>\n") && transcript.contains("> health\n"))
        #expect(check.diff.isEmpty, "\(check.diff.joined(separator: "\n"))")
    }
}

/// Lists streamed page by page (`--all`) and NDJSON are masked like any result.
@Suite struct StreamedPIITests {
    @Test(arguments: ["messages --all", "output json\nmessages --all", "conversations --all", "deliveries --all", "output json\ndeliveries --all"])
    func streamedPagesAreMasked(_ lines: String) async throws {
        let page = try await recordPage(lines.split(separator: "\n").map(String.init))
        for form in ["14155550142", "14155550157", "Dana Ortiz", "Lee Park", "wamid."] {
            #expect(!page.transcript.contains(form), "'\(lines)' shows '\(form)' on the page")
        }
    }

    @Test func numbersNamesAndBodiesInPrintedJSONAreLearned() {
        let masker = PIIMasker()
        let line = #"{"from":"14155550142","contact_name":"Dana Ortiz","text":{"body":"Hi \"there\""},"display_phone_number":"+1 415-555-0100"}"#
        #expect(
            masker.mask(line)
                == #"{"from":"1415•••0142","contact_name":"<contact 1>","text":{"body":"<body 1>"},"display_phone_number":"+1 415-555-0100"}"#)
        // A national number keeps its national form: no country code the text did not have.
        #expect(masker.mask("Dana Ortiz wrote from 4155550142") == "<contact 1> wrote from 415•••0142")
    }
}

extension BundleCommandTests {
    /// probe22 P22-19: a bundle made during a `record --keep-pii` session inherited "personal data: kept" silently and
    /// wrote the contact's number, name, text and WAMID into the file meant for a support ticket. Without `--keep-pii`
    /// it is refused in one line and nothing is written; with it the bundle keeps them, as asked; with no recording it
    /// masks them unless asked.
    @Test func aBundleKeepsPersonalDataOnlyWhenAskedToInOneLineOtherwise() async throws {
        struct Outcome: Sendable { var refused: String, refusedWrote: Bool, kept: String, masked: String, clear: String }
        let outcome = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bundle-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            shell.run(line: "record \(folder.path)/k.md --keep-pii")
            shell.run(line: "use 100200300400501")
            shell.run(line: "messages --limit 1")
            let before = output.err.count
            shell.run(line: "bundle \(folder.path)/b.md")
            let refused = String(output.err.dropFirst(before))
            let refusedWrote = FileManager.default.fileExists(atPath: folder.path + "/b.md")
            shell.run(line: "bundle \(folder.path)/kept.md --keep-pii")
            shell.run(line: "record stop")
            shell.run(line: "bundle \(folder.path)/masked.md")
            shell.run(line: "bundle \(folder.path)/clear.md --keep-pii")
            let read = { (name: String) in (try? String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)) ?? "" }
            return Outcome(refused: refused, refusedWrote: refusedWrote, kept: read("kept.md"), masked: read("masked.md"), clear: read("clear.md"))
        }
        #expect(
            outcome.refused == "error: bundle: this recording keeps personal data in clear (record --keep-pii) and a bundle is "
                + "for a support ticket; add --keep-pii to include it as recorded, or 'record stop' first for a masked bundle "
                + "of the diagnostics only\n")
        #expect(!outcome.refusedWrote)
        #expect(outcome.kept.contains("personal data: kept") && outcome.kept.contains("wamid."), "\(outcome.kept)")
        #expect(outcome.masked.contains("## Diagnostics"), "\(outcome.masked)")
        #expect(outcome.clear.contains("## Diagnostics"), "\(outcome.clear)")
        for form in ["14155550142", "14155550157", "Dana", "Lee Park", "wamid."] {
            #expect(!outcome.masked.contains(form), "the masked bundle shows '\(form)'")
        }
        #expect(outcome.clear.contains("personal data: kept"))
    }
}

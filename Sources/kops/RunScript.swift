import ArgumentParser
import Foundation
import KapsoClient
import KopsHTTP
import KopsShell

#if canImport(Glibc)
    import Glibc
#endif

/// The script flags as plain values (`ScriptOptions` parsed, or `QuickArguments`), and what they run.
struct ScriptLaunch: Equatable {
    var words: [String] = []
    var variables: [String] = []
    var allowWrites = false
    var record: String?
    var update = false
    var force = false
    /// How a suggested `kops check …` line starts: `kops` and the launch flags given (`Launch.suggestionPrefix`), so
    /// the line pastes back and checks the same way (`kops --profile acme check t.md --update`).
    var kops = "kops"

    init() {}

    init(_ options: ScriptOptions) {
        words = ScriptOptions.fileWords(options.words)
        variables = options.variables
        allowWrites = options.allowWrites
        record = options.record
        update = options.update
        force = options.force
    }

    /// Runs `run` or `check` on the shell and returns the exit status; nil when neither was asked for.
    func run(shell: Shell, stderr: any OutputSink) -> ExitStatus? {
        if words.first == "bundle" { return shell.run(words: words + (force ? ["--force"] : [])) }
        guard let verb = words.first, words.count == 2 else { return nil }
        // `--record=~/t.md` and a quoted `'~/s.kops'` reach kops with the `~` the calling shell left (probe34 P34-11).
        let home = shell.context.environment["HOME"]
        let path: String
        var launch = self
        do {
            path = try HomeFolderError.expanding(words[1], home: home)
            launch.record = try record.map { path throws(HomeFolderError) in try HomeFolderError.expanding(path, home: home) }
        } catch { return shell.report(error) }
        return verb == "run" ? launch.runScript(path, shell: shell, stderr: stderr) : launch.check(path, shell: shell, stderr: stderr)
    }

    /// Sets the `--var NAME=VALUE` variables in the session (`validate` refused any other word), each value
    /// registered as a secret when it is one, as `set` does.
    func setVariables(on shell: Shell) {
        for variable in variables {
            guard let equals = variable.firstIndex(of: "=") else { continue }
            shell.context.setVariable(String(variable[..<equals]), to: String(variable[variable.index(after: equals)...]))
        }
    }

    private func runScript(_ path: String, shell: Shell, stderr: any OutputSink) -> ExitStatus {
        do {
            let script = try ScriptRunner.load(path: path, allowWrites: allowWrites)
            if let record {
                shell.recorder = try TranscriptRecorder(
                    header: TranscriptHeader(context: shell.context), destination: .file(record), context: shell.context)
            }
            let outcome = script.run(on: shell)
            // Refused before line 1: no transcript of nothing is left to block the corrected run (probe18 P18-1).
            if outcome.commands == 0, shell.recorder?.removeIfOnlyHeader() == true { shell.recorder = nil }
            stderr.write(outcome.summary + "\n", to: .err)
            return outcome.status
        } catch ScriptError.transcriptNotScript(let path, _) {
            // With the launch flags given, so the suggested check reads the same profile and API.
            return shell.report(ScriptError.transcriptNotScript(path: path, kops: kops))
        } catch ScriptError.transcriptExists(let path) {
            // The shell's `record` takes --append and --force; `kops run` does not (probe16 P16-1).
            return shell.report(
                ScriptError.recording(
                    "'\(path)' already exists and kops never overwrites a transcript; give --record another name, or move it away first"))
        } catch ScriptError.unusableRestore(let path, let restorePath, let reason) {
            // `kops run` records masked, always: its fix is another name, not the shell's --keep-pii.
            let said = ScriptError.unusableRestore(path: path, restorePath: restorePath, reason: reason).message
            return shell.report(ScriptError.recording(String(said.prefix { $0 != ";" }) + "; give --record another name, or move it away first"))
        } catch ScriptError.restoreExists(let path) {
            // Its own message names the shell's `record --force`, which `kops run` does not take (probe18 P18-7).
            return shell.report(
                ScriptError.recording(
                    "'\(path)' already exists: the restore file of an earlier transcript of that name, which 'kops check' needs; give --record another name, or move it away first"))
        } catch {
            return shell.report(error)
        }
    }

    private func check(_ path: String, shell: Shell, stderr: any OutputSink) -> ExitStatus {
        // The file's name as every line shows it: a line break in it is an escape, as any control is (tester59b AG14:
        // `nl\nverdict: ok.md` printed a line `verdict: ok.md: 15 commands, output unchanged` of its own).
        let name = VisibleText.escaped(path)
        // Decoded as is (Foundation's decoding may drop a byte-order mark, which `--update` keeps).
        let original: String
        do { original = try TranscriptFile.read(path) } catch { return shell.report(error) }
        let expected = TranscriptParser.normalized(original)
        let launchProfile = shell.context.session.profile
        // The replay's own output goes into the new recording, not to the terminal.
        let replayShell = Shell(context: shell.context, renderer: shell.renderer, output: BufferOutput())
        do {
            let checker = TranscriptChecker(
                expected: expected, path: path, restore: TranscriptRestore.load(besides: path),
                restoreProblem: TranscriptRestore.problem(besides: path))
            let header = TranscriptParser(expected).header
            // Without a key nothing reaches the API: the replay is no reading of it (tester48's notes: "replaying on
            // api.kapso.ai, a live API" and "output unchanged" of a transcript whose every command failed for the key).
            let keyless = shell.context.client.apiKey.isEmpty
            if TranscriptParser.isTranscript(expected), header.kind == .kapso, keyless {
                stderr.write(
                    "\(name): no API key, so nothing is sent to \(shell.context.client.host): a command that needs the API "
                        + "fails for the key, and the replay says nothing of what the API holds now\n", to: .err)
            } else if TranscriptParser.isTranscript(expected), header.kind == .kapso {
                stderr.write(
                    "\(name): replaying on \(shell.context.client.host), a live API: differences show what changed "
                        + "since it was recorded (\(header.time))\n", to: .err)
            }
            // A demo transcript replays on a private simulator of its own: its writes harm nothing.
            let onDemo = shell.context.simulatorClock != nil
            let demo = header.kind == .demo && shell.context.moveSimulatorClock != nil
            // Recorded against another API: its writes go there only when the user named it with --base-url; reads
            // are compared with a note (probe16 P16-13: a colleague's staging transcript wrote to production).
            // How to send the writes not replayed: on another API than the recorded one, only with --base-url naming it.
            var sendAgain = "\(kops) check \(PosixWord.quoted(path)) --allow-writes"
            // `kops --demo check` of any transcript (the README's tour.md, recorded on kapso-sim) writes only to the
            // demo's own simulator, which harms nothing and takes no --base-url (probe34 P34-9: refused for an
            // --allow-writes --demo gave, with a suggested line kops refuses).
            let named = shell.context.session.sources["api"] == "flag --base-url" || onDemo
            let otherAPI = TranscriptParser.isTranscript(expected) && !demo
                ? header.otherAPI(baseURL: shell.context.client.baseURL) : nil
            if let other = otherAPI {
                if !named { sendAgain += " --base-url \(shell.context.client.baseURL)" }
                if allowWrites, !named {
                    throw ScriptError.writesToOtherAPI(
                        path: path, recorded: other.recorded, now: other.now, baseURL: shell.context.client.baseURL,
                        kops: kops)
                }
                stderr.write("\(name): recorded against \(other.recorded), replaying on \(other.now)\n", to: .err)
            }
            // With writes to send, asked first: another project's data is not changed (P42-2).
            if allowWrites, !demo { _ = try otherProject(of: expected, path: path, shell: shell) }
            let outcome = try checker.replay(on: replayShell, allowWrites: allowWrites || demo)
            // A block kops cannot read is not checked: never in silence (probe18 P18-18).
            for block in outcome.unreadBlocks {
                stderr.write("\(name):\(block.line): not read: \(block.reason)\n", to: .err)
            }
            guard outcome.commands > 0 else {
                // Blocks it could not read are commands it holds: "no commands recorded" was false (tester57 AB3).
                let unread = outcome.unreadBlocks.count
                stderr.write(
                    unread > 0
                        ? "\(name): nothing was checked: not one block was read (\(unread) not read, named above)\n"
                        : "\(name): no commands recorded, so nothing was checked; record some with 'record FILE' "
                            + "or 'kops run SCRIPT --record FILE'\n", to: .err)
                return .usage
            }
            // A write is not sent again: its recorded output stays, and the user learns it was not checked. All lines
            // not replayed are named in the file's order.
            let notReplayed =
                outcome.writesNotReplayed.map { write in
                    (write.line, Self.notReplayedWrite(
                        write.command, redacted: outcome.redacted[write.line].map { checker.redactedReason($0, sending: true) },
                        sendAgain: sendAgain))
                }
                + (outcome.keptAsRecorded + outcome.writesNotSent).map { line in
                    (line.line, "'\(VisibleText.escaped(Shortened.text(line.command)))': \(line.reason); its recorded output is kept")
                }
            for (line, text) in notReplayed.sorted(by: { $0.0 < $1.0 }) {
                stderr.write("\(name):\(line): not replayed: \(text)\n", to: .err)
            }
            // A switch to another profile's API or key: the blocks before it were checked, the rest are not (P25-10).
            if let stop = outcome.stoppedAt {
                let rest = stop.after == 0 ? "its block is" : "its block and the \(stop.after) after it are"
                stderr.write(
                    "\(name):\(stop.line): check stopped at '\(VisibleText.escaped(Shortened.text(stop.command)))': "
                        + "\(stop.reason); the blocks before it were replayed, \(rest) kept as recorded, unchecked\n", to: .err)
            }
            // Asked to send the writes and some were not: the replay was partial, which the exit status says.
            let unsent = outcome.writesNotSent.count, unread = outcome.unreadBlocks.count
            let gaps = [
                unsent == 0 ? nil : "\(unsent) \(unsent == 1 ? "write was" : "writes were") not sent",
                unread == 0 ? nil : "\(unread) \(unread == 1 ? "block was" : "blocks were") not read",
                outcome.stoppedAt.map { "it stopped at line \($0.line)" },
                outcome.unansweredOnReplay.isEmpty ? nil : "blocks not checked: \(outcome.unansweredOnReplay.count) (the API did not answer a look-up)",
            ].compactMap { $0 }
            let partial = gaps.isEmpty ? nil : "the replay was partial: \(gaps.joined(separator: " and ")) (named above)"
            if outcome.snapshots > 0 {
                let blocks = outcome.snapshots == 1 ? "1 block is" : "\(outcome.snapshots) blocks are"
                stderr.write(
                    "\(name): \(blocks) a snapshot made after a session that was not recorded: kept as recorded, "
                        + "not replayed\n", to: .err)
            }
            if let line = Self.unclockedLine(outcome.unclocked) { stderr.write("\(name): \(line)\n", to: .err) }
            if let line = outcome.assumedReadsLine { stderr.write("\(name): \(line)\n", to: .err) }
            // Every line not replayed is counted, by why (probe40 P40-11: nine named, "1 write was not sent" counted).
            // Only an earlier kops's layout differs (tester59b AG18): unchanged, unless --update asks for the current one.
            guard !outcome.diff.isEmpty || (update && !outcome.earlierLayout.isEmpty) else {
                let noun = outcome.commands == 1 ? "command" : "commands"
                // Not one command replayed: nothing was compared, which is no "output unchanged" and no 0 (tester56 Z11:
                // a transcript of one `source` line passed after its script changed).
                if let (count, kinds) = outcome.notReplayed, count >= outcome.commands {
                    let none = outcome.commands == 1 ? "its 1 command was not" : "none of its \(outcome.commands) commands was"
                    stderr.write(
                        "\(name): nothing was checked: \(none) replayed (\(kinds)); the lines above say why"
                            + "\(partial.map { "; " + $0 } ?? "")\n", to: .err)
                    return .usage
                }
                // A command needed the key and there was none (no `profile use` gave one): nothing was sent, whatever
                // matched, and the status says so as that command's does (64), never 0, which reads as "replayed and
                // matched" (fix49's leftover).
                let unsent = keyless && replayShell.context.client.apiKey.isEmpty && replayShell.context.keyWasMissing
                    ? "; nothing was sent (no API key), so this checks no answer of \(shell.context.client.host)" : ""
                stderr.write(
                    "\(name): \(outcome.commands) \(noun), output unchanged\(outcome.notReplayedNote)\(outcome.earlierLayoutNote)\(outcome.movedAgesNote)\(outcome.ownCallIDsNote)\(unsent)"
                        + "\(partial.map { "; " + $0 } ?? "")\n", to: .err)
                return partial != nil ? .failure : unsent.isEmpty ? .ok : .usage
            }
            let otherProject = allowWrites ? nil : try otherProject(of: expected, path: path, shell: shell)
            let counted = [outcome.notReplayedLine, partial].compactMap { $0 }
            if !counted.isEmpty { stderr.write("\(name): \(counted.joined(separator: "; "))\n", to: .err) }
            // One legend line first: which side of the diff is the file and which is the replay.
            let legend = "diff: '-' lines are \(name) as recorded, '+' lines are the replay now"
            // Spaces and tabs that look alike are marked (probe27 P27-7), with a note on the marks.
            let shown = LineDiff.visible(outcome.diff.map { VisibleText.escaped($0) })
            if !outcome.diff.isEmpty {
                stderr.write(
                    ([VisibleText.escaped(legend)] + shown.lines + (shown.marked ? [LineDiff.invisiblesNote] : []))
                        .joined(separator: "\n") + "\n", to: .out)
            }
            // The blocks after a write not sent or a `source` show the state without it: `--update` keeps them as
            // recorded, and says so in one line (probe18 P18-5, P18-4).
            let kept = keptLine(outcome, path: path, sendAgain: sendAgain)
            guard outcome.updateChanges else {
                // Only those blocks differ: an update would change nothing, so it is not offered.
                let text =
                    update
                    ? "not rewritten: " + (kept.map { "kept " + $0 + "; nothing else differs" } ?? "the output differs, but not in a line --update may change")
                    : kept.map { "--update would keep " + $0 + "; nothing else differs, so there is nothing to update" }
                        ?? "the output differs, but not in a line --update may change"
                stderr.write("\(name): \(text)\n", to: .err)
                return .failure
            }
            // Never rewritten with another project's data, nor another profile's (P42-2, P29-4), nor another live API's
            // that only the environment or a profile named (P43-4).
            if let line = otherProject.map({ TranscriptChecker.otherProjectLine($0, update: update) })
                ?? Self.otherProfileLine(header, replayedOn: launchProfile, path: path, update: update)
                ?? (update && !named ? otherAPI.flatMap { Self.otherLiveAPILine(header, other: $0, source: shell.context.session.sources["api"]) } : nil)
            {
                stderr.write("\(name): \(line)\n", to: .err)
                return .failure
            }
            // A kept page's aliases not paired (no value hashes): the difference may be only that, and an update would
            // give one message or contact two aliases (tester70b G9).
            if let page = outcome.unpairedKeptPage {
                let restore = TranscriptRestore.path(besides: path)
                let why = (checker.restore == nil ? "\(restore) is missing" : "\(restore) was written by an older kops, without value hashes")
                    + ", so the aliases of the list page kept as recorded at line \(page) (made before the recording) cannot be "
                    + "matched: a message or contact it shows that a later line shows again gets a new alias"
                guard !update else {
                    stderr.write("\(name): not rewritten: \(why), and --update would write it under two aliases; check it beside its restore file\n", to: .err)
                    return .failure
                }
                stderr.write("\(name): \(why); the difference may be only that\n", to: .err)
            }
            if update {
                // The file `record` wrote: through a link (which stays), never a hard-linked file; its mode is kept. Writing
                // the path itself replaced a link with a new 0644 file and left the linked transcript as it was.
                let target = try TranscriptFile.target(of: path)
                // A transcript made read-only (or a folder kops may not write in) is named before anything is written,
                // not blamed on the backup it would have needed (probe22 P22-16).
                if let problem = WriteProblem.refusal(writing: target) {
                    return shell.report(ScriptError.unwritableTranscript(path: path, reason: problem))
                }
                // Its restore file is rewritten with it: one made read-only is named too, before anything is written.
                let restorePath = TranscriptRestore.path(besides: path)
                if FileManager.default.fileExists(atPath: restorePath),
                    let problem = WriteProblem.refusal(writing: (try? TranscriptFile.target(of: restorePath)) ?? restorePath)
                {
                    return shell.report(ScriptError.unwritableTranscript(path: path, reason: "its restore file \(restorePath): " + problem))
                }
                let backup = try TranscriptFile.backUp(path, contents: Array(original.utf8))
                // The backup replays with the restore lines it was recorded with.
                if let restore = FileManager.default.contents(atPath: restorePath) {
                    try TranscriptFile.createNew(TranscriptRestore.path(besides: backup), contents: Array(restore), mode: 0o600)
                }
                let mode = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? Int
                // Written anew beside it and renamed over it, with its mode (a private transcript stays private). On a
                // full disk the file stays as it was, so the backup of it is removed again (probe27 P27-2: the cause
                // was dropped and `FILE.md~` left behind).
                if let problem = TranscriptFile.replace(
                    target, contents: Array(TranscriptParser.inFileForm(outcome.updated, like: original).utf8), mode: mode ?? 0o644)
                {
                    let removed = unlink(backup) == 0
                    _ = unlink(TranscriptRestore.path(besides: backup))
                    return shell.report(
                        ScriptError.unwritableTranscript(
                            path: path,
                            reason: "writing it failed (\(problem)), so it was left as it was"
                                + (removed ? "" : "; \(backup) is a copy of it")))
                }
                // Its masked lines as the replay numbered them, or the next check cannot replay them.
                if !header.keepPII, !outcome.updatedRestore.lines.isEmpty || checker.restore != nil,
                    checker.restore != nil || !FileManager.default.fileExists(atPath: restorePath)
                {
                    outcome.updatedRestore.save(besides: path)
                }
                stderr.write(
                    "\(name): " + (outcome.diff.isEmpty ? "only an earlier kops's layout differed" : "output changed")
                        + "; rewrote it (the previous version is \(backup))"
                        + (kept.map { "; kept " + $0 } ?? "") + "\n", to: .err)
                return partial == nil && kept == nil ? .ok : .failure
            }
            if let kept { stderr.write("\(name): --update keeps \(kept)\n", to: .err) }
            stderr.write("\(name): output changed; review the diff, then '\(kops) check \(PosixWord.quoted(path)) --update'\n", to: .err)
            return .failure
        } catch {
            return shell.report(error)
        }
    }
}

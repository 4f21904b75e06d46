/// Lines that read session state made before the recording began (tester68 A2–A4): `record` typed mid-session, or
/// `record --append` after commands that were not recorded. `next` continued a list, `assert` and `capture` read a result
/// that no line of the transcript made, so the replay cannot make it either. Such a line is run (with nothing to read
/// it has no effect); when its output differs from the block, the block is kept as recorded and named "not replayed",
/// as `history` is, and `--update` never writes the replay's "nothing to continue" over what the session showed.
/// Nothing is marked in the transcript: the replay's own session tells, as the recording began with none of it.
extension TranscriptChecker {
    /// What state from before the recording (or before the appended part, `appended`) `line` reads, when the replay's
    /// session has none of its own: `next` with no list to continue, `assert`/`capture` when no line of this part left
    /// a result (`partKeptResult`). Nil otherwise. Only the line's first command counts (`messages; next` reads its own).
    static func beforeRecordingRead(
        _ line: String, registry: CommandRegistry, context: ShellContext, partKeptResult: Bool, appended: Bool
    ) -> (reason: String, list: Bool)? {
        guard let name = (try? Lexer.commands(in: line))?.first?.first?.text,
            let command = try? registry.command(named: name)
        else { return nil }
        let before = appended ? "before this part of the recording ('record --append')" : "before the recording"
        if command.name == NextCommand.name, context.session.lastList == nil {
            return ("it continues a list made \(before)", true)
        }
        if command.name == AssertCommand.name || command.name == CaptureCommand.name, !partKeptResult {
            return ("it reads a result from \(before)", false)
        }
        return nil
    }

    /// When such a line's replay (`replayed`) differs from its block: the replay is taken back (`rewinding` to `mark`)
    /// and the recorded block copied in its place (after a `list` page, the masker's numbering continued after it); true
    /// then, false with nothing changed.
    static func keptBeforeRecording(
        _ line: String, replayed: String, recorded entry: TranscriptParser.Entry, rewinding recorder: TranscriptRecorder,
        to mark: TranscriptRecorder.Mark, list: Bool
    ) -> Bool {
        guard replayed != entry.block else { return false }
        recorder.rewind(to: mark)
        recorder.keepAsRecorded(line, recorded: entry.command)
        recorder.copy(entry.block)
        // A list page's aliases (`<message 1>` for a page's id) were taken when recorded: later values get the next ones,
        // as they did then (a value it showed that a later line shows again gets a new alias: that line then differs).
        // Not after `assert`/`capture`: the value a capture shows is given back by the restore line of the line that
        // uses it, which must get the recorded alias.
        // The page's aliases are held: a later line's value whose hash the recording wrote for one takes it back
        // (`PIIMasker+ValueHashes`, tester68b B7); any other value gets a new one, so a changed page shows (tester69b D4).
        if list {
            recorder.masker?.continueNumbering(after: recorder.text)
            recorder.masker?.holdKeptAliases(in: entry.block)
        }
        return true
    }

    /// The recording's hashes of its aliases' values and their salt (the restore file's), for the replay's masker and for
    /// the restore file `--update` writes; nothing without them (a file an older kops recorded).
    static func seedValueHashes(from restore: TranscriptRestore?, into recorder: TranscriptRecorder) {
        guard let restore, let salt = restore.salt, let masker = recorder.masker else { return }
        (masker.valueSalt, masker.recordedHashes) = (salt, restore.values)
        (recorder.restore.salt, recorder.restore.values) = (salt, restore.values)
    }

    /// A `capture` kept as recorded (at `number`, the file's line) sets its variable to the value it captured then, and a
    /// later line that holds that value is not run either ("was not replayed").
    static func keepRecordedCapture(
        _ line: String, at number: Int, block: String, on context: ShellContext, captured: inout [CapturedValue]
    ) {
        if let (name, value) = recordedCapture(line, block: block) { context.session.variables[name] = value }
        if let (name, value) = shownCapture(line, block: block) {
            captured.removeAll { $0.name == name }
            captured.append(CapturedValue(name: name, value: value, line: number, what: "was not replayed"))
        }
    }
}

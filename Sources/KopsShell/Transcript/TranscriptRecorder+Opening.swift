internal import Foundation

extension TranscriptRecorder {
    /// Continues the kops transcript at `path` (its file `target`) for `record --append`: checks it may be continued by
    /// this session (same demo data, same API, same masking and output mode), closes a last block cut short, and writes
    /// the line that starts this session's part. `restoreFile` holds the restore lines beside it.
    ///
    /// Throws `ScriptError.notATranscript`, `.recording`, `.maskingDiffers` or `.unclosedBlock`.
    func continueTranscript(at path: String, target: String, restoreFile: TranscriptRestore?) throws(ScriptError) {
        // A transcript made read-only is named, not appended to until the first write fails (probe22 P22-16); its restore
        // file is written beside it, so a masked recording needs the folder too.
        if let problem = WriteProblem.refusal(writing: target, replacing: !header.keepPII) {
            throw .unwritableTranscript(path: path, reason: problem)
        }
        let existing = FileManager.default.contents(atPath: target).flatMap { String(data: $0, encoding: .utf8) }
        guard let existing, TranscriptParser.isTranscript(existing) else { throw .notATranscript(path: path, startsAt: existing.flatMap(TranscriptParser.titleLine(in:))) }
        let recorded = TranscriptParser(existing).header
        if recorded.kind == .demo || header.kind == .demo, recorded.seeded != header.seeded {
            // Its blocks replay on the demo data of the session that started it, not this one's; the refusal names
            // which side is the demo (probe24 P24-4: "another demo session" was said of a file never recorded there).
            let reason = recorded.kind != .demo
                ? "it was recorded on \(recorded.host) (profile \(recorded.profile)) and this is a demo session"
                : header.kind != .demo
                    ? "it was recorded on the demo simulator and this session uses \(header.host) (profile \(header.profile))"
                    : "it was recorded on another demo session"
            throw .recording("cannot append to '\(path)': \(reason); record to a new file")
        }
        // Its header names the API it ran on and `kops check` replays every part there: a part from another API
        // (a live Kapso API's transcript continued on a simulator, or the reverse, or another profile's host: probe24
        // P24-4, where `check` then advised an --update that would overwrite the other host's evidence) would never
        // check clean. The host is compared whatever the profile and kind: a session of the same profile on another host
        // or port (`--base-url`, `KAPSO_API_BASE_URL`: another project's data) was continued without a word, and
        // `check --update` then wrote the header's API's answers over that part (probe40 P40-7).
        if !recorded.host.isEmpty, recorded.host != header.host {
            throw .recording(
                "cannot append to '\(path)': it was recorded on \(recorded.host) (profile \(recorded.profile)) and this "
                    + "session uses \(header.host) (profile \(header.profile)); record to a new file")
        }
        // One file, one promise: an appended part masked otherwise would put clear data under "masked" (probe9
        // P9-16), or masked data `kops check` replays in clear, and the file would never check clean.
        if recorded.keepPII != header.keepPII { throw .maskingDiffers(path: path, fileKeepsPII: recorded.keepPII) }
        // `kops check` replays the whole file in the mode its header names (probe18 P18-11).
        if recorded.output != header.output {
            let mode = { (output: OutputMode?) in (output ?? .table).rawValue }
            throw .recording(
                "cannot append to '\(path)': it was recorded with output \(mode(recorded.output)) and this session uses "
                    + "\(mode(header.output)); run 'output \(mode(recorded.output))' first, or record to a new file")
        }
        restore = restoreFile ?? TranscriptRestore()
        // The file's aliases are hashed under its salt: this part's are too, so one value keeps one hash (tester69b D4).
        if let salt = restore.salt, let masker, masker.givenHashes.isEmpty { masker.valueSalt = salt }
        // Its line end, as `TranscriptParser.inFileForm` reads a file's: its first line's.
        let firstLine = existing.unicodeScalars.prefix { $0 != "\n" }
        crlf = firstLine.count < existing.unicodeScalars.count && firstLine.last == "\r"
        // A block written inside another would be read as its output: one cut short at the end is closed first, one
        // open elsewhere (a hand edit) is refused with where its fence belongs (probe22 P22-22).
        if let block = TranscriptParser(existing).unclosedBlock ?? TranscriptParser.unclosedByHand(existing), block.next != nil {
            throw .unclosedBlock(path: path, line: block.line, command: block.command, next: block.next, fence: block.fence)
        }
        var written = existing
        if let closed = Self.closingCutShortBlock(existing) {
            append(String(closed.dropFirst(existing.count)))
            written = closed
        }
        occurrences = TranscriptRestore.occurrences(in: written)
        self.masker?.continueNumbering(after: written)
        // Read as scalars: a CRLF is one `Character`, which no `hasSuffix("\n")` matches (a CRLF file got two blank lines).
        let ends = Self.trailingLineEnds(written)
        if ends < 2 { append(ends == 1 ? "\n" : "\n\n") }
        // Another session continues here: `kops check` starts it afresh with this profile and number, and where this
        // session's came from; the same session after `record stop` goes on with its aliases (`continuesSession`).
        fileIdentity = FileIdentity(path: target)
        // The ids its earlier commands left, as the header names a first part's: the message id masked first on this
        // part's numbering (the replay learns it first too), as typed in the restore file.
        var last = TranscriptHeader.LastIDs(
            webhook: header.lastWebhookID, message: header.lastMessageID, conversation: header.lastConversationID)
        if let masker, let id = last.message, !PIIMasker.isMasked(id) {
            let shown = masker.mask(id)
            last.message = shown
            let key = TranscriptHeader.restoreKey(lastMessageID: shown)
            if shown != id { restore.keep(id, for: key, occurrence: restore.lines[key]?.count ?? 0) }
        }
        append(
            TranscriptParser.appendedLine(
                profile: header.profile, phoneNumberID: header.phoneNumberID, sources: header.sources, last: last,
                sameSession: continuesSession) + "\n\n")
        if last.message != header.lastMessageID { saveRestore(besides: path) }
    }

    /// Refuses, before anything is written, a transcript whose name (of `path`, or of `target` a link there leads to) is
    /// longer than the folder takes (`LocalPath.nameLimit`, 255 bytes), or, when `restore` (a masked recording keeps
    /// `NAME.restore` beside it: `TranscriptRestore`), too long for its restore file's: in one line naming the limit
    /// and the longest name that fits, instead of a system error or a recording cut off at its first restore line.
    ///
    /// Throws `ScriptError.unwritableTranscript`.
    static func checkNameLength(path: String, target: String, restore: Bool) throws(ScriptError) {
        let suffix = TranscriptRestore.path(besides: "")
        for file in [path, target] {
            let name = LocalPath.lastPart(of: file).utf8.count
            let limit = LocalPath.nameLimit(besides: file)
            if name > limit {
                throw .unwritableTranscript(
                    path: path, reason: "its name is \(name) bytes, more than the \(limit) a file name may have there; shorten it")
            }
            if restore, name + suffix.utf8.count > limit {
                throw .unwritableTranscript(
                    path: path,
                    reason: "its name is \(name) bytes, and its restore file (the same name and '\(suffix)', kept beside a masked "
                        + "transcript) would pass the \(limit) a file name may have there; shorten the name to "
                        + "\(limit - suffix.utf8.count) bytes or fewer")
            }
        }
    }

    /// How many line ends (LF or CRLF) `text` ends with, up to 2.
    static func trailingLineEnds(_ text: String) -> Int {
        var count = 0
        var scalars = text.unicodeScalars[...]
        while count < 2, scalars.last == "\n" {
            scalars = scalars.dropLast()
            if scalars.last == "\r" { scalars = scalars.dropLast() }
            count += 1
        }
        return count
    }

    /// Writes `opening` (the header, or the preamble) as the file `target` for `path`, replacing the file there
    /// (`replacing`, `--force`) or as a new one, and the restore file beside it when `restoreFile` (one it replaces).
    ///
    /// Throws `ScriptError.transcriptExists` when a file appeared there meanwhile, `.unwritableTranscript`.
    func startFile(at path: String, target: String, replacing: Bool, opening: [UInt8], restoreFile: TranscriptRestore?)
        throws(ScriptError)
    {
        // The file appears with its header whole or not at all (`WholeFile`): a full disk leaves no empty file that
        // would refuse the retry as "already exists", and a file `--force` replaces stays as it was (probe20 P20-15).
        // `--force` does not replace a file made read-only (the rename beside it would), as `cp` does not (probe22 P22-16).
        if replacing, let problem = WriteProblem.refusal(writing: target) { throw .unwritableTranscript(path: path, reason: problem) }
        do {
            if replacing {
                try WholeFile.replace(opening, at: target, mode: 0o666)
            } else if try !WholeFile.create(opening, at: target, mode: 0o666) {
                throw ScriptError.transcriptExists(path: path)
            }
        } catch let error as ScriptError {
            throw error
        } catch {
            throw .unwritableTranscript(
                path: path,
                reason: (error as? WholeFile.Failure).map { WriteProblem.reason(writing: target, code: $0.code) } ?? "it cannot be created")
        }
        fileIdentity = FileIdentity(path: target)
        // `--force` replaces the transcript and with it the restore file of the one it replaces.
        if restoreFile != nil || !restore.lines.isEmpty { saveRestore(besides: path) }
        if let writeFailure {
            // Only a file this recording made is removed, never one the user had.
            if !replacing { unlink(target) }
            throw .unwritableTranscript(path: path, reason: writeFailure)
        }
    }
}

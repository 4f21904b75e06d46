extension TranscriptChecker {
    /// Starts the replay's session as the transcript's header says the recording started: its profile, phone number
    /// and output mode.
    static func startSession(on context: ShellContext, as header: TranscriptHeader) {
        context.session.profile = header.profile
        context.session.phoneNumberID = header.phoneNumberID
        // The mode the recording started in, whatever this user's --output or profile says (probe18 P18-11).
        context.session.output = header.output ?? .table
        // The check's own source of the host it replays on, when its start named one (a shell made without settings did not).
        if let own = context.session.sources["api"] { context.replayAPISource = own }
        restoreSources(header.sources, on: context)
        // The ids earlier commands left (session 26: a `state` recorded after them never checked clean). A masked
        // message id is given back by `restoreLastMessage`, from the restore file.
        context.session.lastWebhookID = header.lastWebhookID
        context.session.lastConversationID = header.lastConversationID
        context.session.lastMessageID = header.lastMessageID.flatMap { PIIMasker.isMasked($0) ? nil : $0 }
    }

    /// The header's masked last message id as typed, from `restore`, set on the session and learned by `recorder`'s
    /// masker first (as the recording's masker learned it when it wrote the header: the same alias), and kept in its
    /// restore lines for `--update`. Nothing without a restore line for it: the session then has no last message.
    static func restoreLastMessage(
        _ header: TranscriptHeader, from restore: TranscriptRestore?, on context: ShellContext, recorder: TranscriptRecorder
    ) {
        guard let shown = header.lastMessageID, PIIMasker.isMasked(shown) else { return }
        let key = TranscriptHeader.restoreKey(lastMessageID: shown)
        guard let id = restore?.line(for: key, occurrence: 0) else { return }
        context.session.lastMessageID = id
        _ = recorder.masker?.mask(id)
        recorder.restore.keep(id, for: key, occurrence: 0)
    }

    /// Names the sources the recording named for the settings the header restores, and none where it named none: the
    /// replay's own start (`kops check`'s flags, environment, profile) did not set them (probe22 P22-8).
    private static func restoreSources(_ sources: [String: String], on context: ShellContext) {
        for key in TranscriptHeader.sourcedSettings { context.session.sources[key] = sources[key] }
    }

    /// Starts the replay of a part `record --append` added: another session's starts afresh, and its aliases restart
    /// after the page's (`startAppendedSession`, `TranscriptRecorder.startAppendedPart`); the same session's, continued
    /// after `record stop`, keeps its variables and aliases, with the profile, number and sources its line names (a
    /// command run between may have changed them) (probe42 P42-10). Either counts its own look-ups, as `record` does.
    static func startAppendedPart(
        _ part: TranscriptParser.AppendedPart, on context: ShellContext, output: OutputMode, recorder: TranscriptRecorder
    ) {
        if part.sameSession {
            context.session.profile = part.profile
            context.session.phoneNumberID = part.phoneNumberID
            restoreSources(part.sources, on: context)
        } else {
            startAppendedSession(
                on: context, profile: part.profile, phoneNumberID: part.phoneNumberID, output: part.output ?? output,
                sources: part.sources)
            recorder.startAppendedPart(afresh: part.pasted)
        }
        context.ownLookups.startSession()
    }

    /// Starts the session of a part appended by another session (`record --append`): nothing of the session before
    /// carries over but the API it replays on and where its settings came from.
    static func startAppendedSession(
        on context: ShellContext, profile: String, phoneNumberID: String?, output: OutputMode, sources: [String: String]
    ) {
        var fresh = Session(baseURL: context.session.baseURL, profile: profile, phoneNumberID: phoneNumberID, output: output)
        fresh.sources = context.session.sources
        context.session = fresh
        restoreSources(sources, on: context)
    }

    /// The last ids an appended part's line names, set on its fresh session (session 33: its `state` showed none); a
    /// masked message id as typed from `restore` (its `occurrence`-th line under its key), learned by `recorder`'s
    /// masker first, as when recorded, and kept in its restore lines for `--update`.
    static func restoreLastIDs(
        _ last: TranscriptHeader.LastIDs, occurrence: Int, from restore: TranscriptRestore?, on context: ShellContext,
        recorder: TranscriptRecorder
    ) {
        context.session.lastWebhookID = last.webhook
        context.session.lastConversationID = last.conversation
        guard let shown = last.message, PIIMasker.isMasked(shown) else {
            context.session.lastMessageID = last.message
            return
        }
        let key = TranscriptHeader.restoreKey(lastMessageID: shown)
        guard let id = restore?.line(for: key, occurrence: occurrence) else { return }
        context.session.lastMessageID = id
        _ = recorder.masker?.mask(id)
        recorder.restore.keep(id, for: key, occurrence: occurrence)
    }

    /// The restore file travels with the transcript: its `line` must be the one `entry`'s block shows, masked as when
    /// recorded, or the check would run (or name as a write) another command than the page's (probe22 P22-17: `whois
    /// 1415•••0157` restored as `whois …; webhooks delete … --yes`). Throws `.restoreMismatch` otherwise.
    func checkRestored(
        _ line: String, of entry: TranscriptParser.Entry, shell: Shell, recorder: TranscriptRecorder
    ) throws(ScriptError) {
        var redactor = shell.redactor
        redactor.learn(secretsTypedIn: line)
        let shown = recorder.shownLine(redactor.redact(commandLine: line))
        guard TranscriptRestore.masksAlike(shown, entry.command) else {
            throw .restoreMismatch(
                path: path, line: entry.line, command: entry.command, restore: TranscriptRestore.path(besides: path))
        }
    }
}

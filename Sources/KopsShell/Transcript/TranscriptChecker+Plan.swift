internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// What `TranscriptChecker.replay` decides of each recorded line before anything runs: the line to run (the restore
/// file's, or the page's), and whether it is run, kept as recorded (and why) or refused.
extension TranscriptChecker {
    /// The recorded lines read before the replay: what each one is and what the replay does with it.
    struct Plan {
        /// Each entry's line to run, in order: the restore file's line as typed, or the page's.
        var lines: [String] = []
        /// The writes not run (no `allowWrites`): their blocks are kept as recorded.
        var writes: [(line: Int, command: String)] = []
        /// The lines kept as recorded, with why.
        var kept: [(line: Int, command: String, reason: String)] = []
        /// The lines whose secret was redacted, with what was redacted.
        var redacted: [Int: String] = [:]
        /// The lines given by the restore file, checked against their blocks' lines before they are run.
        var restored: Set<Int> = []
        /// The deletes declined at their confirmation when recorded: replayed as recorded, without a request.
        var declined: Set<Int> = []
        /// The writes whose recorded blocks show they were refused or failed: kept as recorded, never sent (P40-2).
        var notAccepted: [Int] = []
        /// The `profile use` lines that selected the profile in use again: their resets are redone (`ProfileUse`).
        var reselected: [Int: (profile: String, phoneNumberID: String?)] = [:]
        /// The `profile use` line that switched to another API or key: nothing from it on is run or refused.
        var stop: (line: Int, command: String, reason: String)?
    }

    /// Reads each of `parsed`'s lines as `replay` will run it on `shell` (see there): throws what `replay` throws
    /// before anything runs (`.missingRestore`, `.restoreLacksLine`, `.invalidRestore`, `.notReplayed`).
    func plan(of parsed: TranscriptParser, on shell: Shell, allowWrites: Bool) throws(ScriptError) -> Plan {
        var plan = Plan()
        var occurrences: [String: Int] = [:]
        // The session the recording's part started with: the header's, or an appended part's.
        var part = (profile: parsed.header.profile, phoneNumberID: parsed.header.phoneNumberID, sources: parsed.header.sources)
        for entry in parsed.commands {
            let occurrence = occurrences[entry.command, default: 0]
            occurrences[entry.command] = occurrence + 1
            let restoredLine = restore?.line(for: entry.command, occurrence: occurrence)
            let line = restoredLine ?? entry.command
            if plan.stop != nil {
                plan.lines.append(line)
                continue
            }
            if let appended = entry.appended { part = (appended.profile, appended.phoneNumberID, appended.sources) }
            if let pasted = entry.appended?.header, let reason = TranscriptChecker.otherRecording(pasted, than: parsed.header) {
                plan.stop = (entry.line, entry.command, reason)
                plan.lines.append(line)
                continue
            }
            // The restore file's line is the line as typed, whatever it looks like (`<contact 1>` typed: P29-7); a page
            // that kept personal data masked nothing.
            if restoredLine == nil, !parsed.header.keepPII, PIIMasker.isMasked(line) {
                let file = TranscriptRestore.path(besides: path)
                if let restoreProblem { throw .invalidRestore(path: file, line: entry.command, reason: restoreProblem) }
                throw restore == nil ? .missingRestore(path: file, line: entry.command) : .restoreLacksLine(path: file, line: entry.command)
            }
            if line != entry.command { plan.restored.insert(entry.line) }
            if let what = TranscriptChecker.redactedValues(in: line) { plan.redacted[entry.line] = what }
            switch TranscriptChecker.profileUse(
                in: line, block: entry.block, session: part, host: parsed.header.host, registry: shell.context.registry)
            {
            case .failed?:
                plan.kept.append((entry.line, entry.command, "it failed when recorded, so it changed nothing"))
                plan.lines.append(line)
                continue
            case .reselected(let profile, let number)?:
                plan.reselected[entry.line] = (profile, number)
                plan.kept.append((
                    entry.line, entry.command,
                    "it selected profile \(profile) again, on the same API; what it resets (the phone number, the last list) "
                        + "is replayed"))
                plan.lines.append(line)
                continue
            case .switched(let reason)?:
                plan.stop = (entry.line, entry.command, reason)
                plan.lines.append(line)
                continue
            case nil: break
            }
            if TranscriptChecker.wasDeclined(line, block: entry.block) {
                // Its recorded outcome is whole: nothing was sent, and nothing is (probe22 P22-5).
                plan.declined.insert(entry.line)
                plan.lines.append(line)
                continue
            }
            if let reason = TranscriptChecker.refusedWhenRecorded(line, block: entry.block, registry: shell.context.registry)
                ?? TranscriptChecker.unknownOutcomeWhenRecorded(line, block: entry.block, registry: shell.context.registry)
                ?? TranscriptChecker.notAcceptedWhenRecorded(line, block: entry.block, registry: shell.context.registry)
            {
                // Refused or failed when recorded (read-only, that day's state, the API's error): kept as recorded and
                // never sent (P40-2).
                plan.declined.insert(entry.line)
                plan.kept.append((entry.line, entry.command, reason))
                plan.notAccepted.append(entry.line)
                plan.lines.append(line)
                continue
            }
            if TranscriptChecker.wasCancelled(entry.block) {
                let reason = TranscriptChecker.cancelledReason(line, block: entry.block, registry: shell.context.registry)
                plan.kept.append((entry.line, entry.command, reason))
            } else if let reason = TranscriptChecker.notShownDone(line, block: entry.block) {
                plan.kept.append((entry.line, entry.command, reason))
            } else if let reason = ScriptPolicy.keptWhenChecked(
                line, registry: shell.context.registry, environment: shell.context.environment)
            {
                plan.kept.append((entry.line, entry.command, reason))
            } else if let reason = ScriptPolicy.notReplayed(line, registry: shell.context.registry) {
                throw .notReplayed(path: path, line: entry.line, command: entry.command, reason: reason)
            }
            // A write kept as recorded (stopped with Ctrl-C) is not sent with --allow-writes either: it is named once,
            // with why it is kept, not also as a write --allow-writes "sends again" (tester52b K7).
            if !allowWrites, plan.kept.last?.line != entry.line, ScriptPolicy.isWrite(line: line, registry: shell.context.registry) {
                plan.writes.append((entry.line, entry.command))
            }
            plan.lines.append(line)
        }
        return plan
    }
}

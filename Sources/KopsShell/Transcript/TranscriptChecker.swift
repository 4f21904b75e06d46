internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Replays a transcript's commands on a shell and compares what the recorder writes with the file.
public struct TranscriptChecker {
    public let expected: String
    /// Masked command lines as typed (the restore file beside the transcript), if there is one.
    public var restore: TranscriptRestore?
    /// The transcript's path, named in errors.
    public var path: String

    /// Why the file beside the transcript where its restore file belongs is not one (`TranscriptRestore.problem`).
    public var restoreProblem: String?

    public init(
        expected: String, path: String = "the transcript", restore: TranscriptRestore? = nil, restoreProblem: String? = nil
    ) {
        self.expected = expected
        self.path = path
        self.restore = restore
        self.restoreProblem = restoreProblem
    }

    /// Runs each recorded command line in order (failures included: they are part of the output) on
    /// `shell`, which starts with the header's profile and phone number. A line that changes data is not
    /// run unless `allowWrites`: its block is kept as recorded (a `sent wamid.…` is the ticket's evidence)
    /// and named in `writesNotReplayed`; a line whose secret was redacted cannot run, so its block is kept, and
    /// so is a snapshot block (a bundle's diagnostics after a session that was not recorded).
    /// On a demo transcript the context's simulator clock is moved to each block's recorded instant first.
    ///
    /// A line that acts only outside the session (`bundle`, `listen`, …: `ScriptPolicy.keptWhenChecked`) is
    /// not run either; its block is kept and named in `keptAsRecorded`.
    ///
    /// With `allowWrites`, a transcript holds each command as it ran (`webhooks update 0000…0204`, not `${wh}`), so a
    /// write may hold an id an earlier line gave when recorded. Once a write or `capture` does not replay as recorded
    /// (not sent, or its block differs: a new id), no later write is sent (probe12 P12-1/2: an update went to the
    /// recorded webhook, not the one the replay created). Those writes, and writes not sent for another reason, are
    /// named in `writesNotSent`, their blocks kept as recorded.
    ///
    /// Throws `ScriptError.notATranscript` for other files, `.unclosedBlock` for a block without its closing fence,
    /// `.missingRestore` (`.restoreLacksLine` when the restore
    /// file is there) for a masked command line
    /// the restore file does not give back, `.notReplayed` for a line `ScriptPolicy.notReplayed` refuses
    /// that would change which API or key is used or read the environment (`profile`, `${env:…}`; a transcript may
    /// come from anyone),
    /// all before anything runs; `.environmentFailed` at the first replayed line that fails for a reason of where it
    /// runs (`environmentStatus`: no key, key rejected, API unreachable) when its block did not record that failure.
    public func replay(on shell: Shell, allowWrites: Bool = false) throws(ScriptError) -> Outcome {
        guard TranscriptParser.isTranscript(expected) else { throw .notATranscript(path: path, startsAt: TranscriptParser.titleLine(in: expected)) }
        if let block = TranscriptParser.unclosedByHand(self.expected) {
            throw .unclosedBlock(path: path, line: block.line, command: block.command, next: block.next, fence: block.fence)
        }
        // Its blocks as CommonMark reads them, line for line: an indented or hand-edited fence counts (probe18 P18-18).
        let read = TranscriptParser.commonMarkRead(self.expected)
        var expected = read.text
        let unread = read.unread
        // A last block the file ends inside (kops killed while it ran) is read as cut short there, kept as recorded
        // (probe22 P22-22: the whole file was refused).
        if let closed = TranscriptRecorder.closingCutShortBlock(expected) { expected = closed }
        let parsed = TranscriptParser(expected)
        // Its later blocks would be read as output of the open one, and `--update` would drop them (probe16 P16-9).
        if let block = parsed.unclosedBlock {
            throw .unclosedBlock(path: path, line: block.line, command: block.command, next: block.next, fence: block.fence)
        }
        let plan = try plan(of: parsed, on: shell, allowWrites: allowWrites)
        let (lines, writes, redacted, restored, declined) = (plan.lines, plan.writes, plan.redacted, plan.restored, plan.declined)
        let (notAccepted, reselected, stop) = (plan.notAccepted, plan.reselected, plan.stop)
        var kept = plan.kept
        var unpairedPage: Int?  // a list page kept as recorded, with no value hashes to pair its aliases (tester70b G9)
        TranscriptChecker.startSession(on: shell.context, as: parsed.header)
        let recorder = try TranscriptRecorder(
            header: parsed.header, destination: .memory, preamble: TranscriptParser.preamble(of: expected),
            context: shell.context)
        recorder.isReplay = true
        TranscriptChecker.seedValueHashes(from: restore, into: recorder)
        TranscriptChecker.restoreLastMessage(parsed.header, from: restore, on: shell.context, recorder: recorder)
        // How many header and appended lines named each masked last message id so far: its restore lines, in order.
        var lastMessageKeys = [parsed.header.lastMessageID.map(TranscriptHeader.restoreKey(lastMessageID:)) ?? "": 1]
        let saved = (shell.recorder, shell.readOnly)
        (shell.recorder, shell.readOnly) = (recorder, !allowWrites)
        defer { (shell.recorder, shell.readOnly) = saved }
        let initialOutput = shell.context.session.output
        // What the session had read of its numbers before the recording, which verdicts weigh (tester69b D11): read before
        // the replay's session starts, as the recording's were before its own, so log pages leave them out alike.
        TranscriptChecker.restoreEarlierReads(parsed.header, on: shell.context)
        // kops's look-ups are counted per session, as when it was recorded: the replay's, not earlier runs'.
        shell.context.ownLookups.startSession()
        // The recording's and earlier checks' calls are earlier runs', whatever state folder made them (tester62 AL2).
        shell.context.ownLookups.replaySince = parsed.header.recordedMicros.map { $0 / 1_000_000 }
        (shell.context.ownLookups.assumedReads, shell.context.ownLookups.replayClockBehind) = ([], false)
        shell.context.ownLookups.assumedNormalAnswers = []
        shell.context.ownLookups.replayReadsPreferences = parsed.commands.contains { Self.readsPreference($0.command) }
        let client = shell.context.client
        shell.context.ownLookups.replayKeyProbe = { (try? client.apiLogs([("limit", "50")]).items) ?? [] }
        defer { (shell.context.ownLookups.replaySince, shell.context.ownLookups.replayKeyProbe) = (nil, nil) }
        let registry = shell.context.registry
        // The last line that would leave a result for `assert` and `capture` and is not run.
        var unreplayedResult: (line: Int, command: String)?
        // Whether a line of this part (the recording, or its appended part) left a result, and whether it is appended:
        // before one, `assert` and `capture` read what the session had before the recording (tester68 A4).
        var (partKeptResult, inAppendedPart) = (false, false)
        // With writes sent: the first write or capture that did not replay as recorded (probe12 P12-1/2).
        var diverged: (line: Int, command: String, what: String)?
        var unsent: [(line: Int, command: String, reason: String)] = []
        // The values captured when recorded that the replay does not have: a line that holds one is not run.
        var captured: [CapturedValue] = []
        // The first line not run that later lines may depend on, with the length of the recorder's text and its restore
        // lines once its block is copied: `--update` keeps the file's text from there on (probe18 P18-5).
        var dependedOn: (line: Int, command: String, sendable: Bool, end: Int, restore: TranscriptRestore)?
        var keptAfter: [Int] = []
        // After it, the replayed blocks of lines that depend on nothing (`dependsOnNothing`): `--update` may renew them.
        var renewable: [Int: String] = [:]
        // A `source` not run: what its commands taught the session (the numbers `explain` knows) is missing after it.
        var skippedSource = false
        // The blocks of a demo transcript replayed without a clock line of their own (`Outcome.unclocked`).
        var unclocked: [(line: Int, command: String)] = []
        // The first block not read, which every later block may depend on as on a line not replayed.
        var unreadDependedOn = false
        var created = CreatedIDs(recordedPage: expected)  // ids replayed writes created anew (tester50 F4)
        for (entry, recordedLine) in zip(parsed.commands, lines) {
            let line = created.line(recordedLine, page: entry.command)
            if dependedOn == nil, let block = unread.first(where: { $0.line < entry.line }) {
                dependedOn = (block.line, block.command(in: expected), false, recorder.text.utf8.count, recorder.restore)
                unreadDependedOn = true
            }
            if restored.contains(entry.line) { try checkRestored(line, of: entry, shell: shell, recorder: recorder) }
            let stopped = stop.map { entry.line >= $0.line } ?? false
            // Before its line is copied, as when recorded: the part's aliases continue after the page above that line.
            if !stopped, let session = entry.appended {
                TranscriptChecker.startAppendedPart(session, on: shell.context, output: initialOutput, recorder: recorder)
                let key = session.last.message.map(TranscriptHeader.restoreKey(lastMessageID:)) ?? ""
                TranscriptChecker.restoreLastIDs(
                    session.last, occurrence: lastMessageKeys[key, default: 0], from: restore, on: shell.context, recorder: recorder)
                lastMessageKeys[key, default: 0] += 1
                // A part recorded by another session starts with no list and no result, as that session did (tester68 A3).
                // One appended by the same session after 'record stop' keeps them: whether commands ran between the parts
                // is not written, and taking the earlier part's list away hid a real change in a `next` that continued it
                // (tester68b B8); a list made between the parts shows as a change instead, as before A3.
                if !session.sameSession {
                    (shell.context.session.lastList, shell.context.lastResult) = (nil, nil)
                    (partKeptResult, inAppendedPart) = (false, true)
                }
            }
            recorder.copy(entry.lead)
            if stopped {
                // Recorded on another API or key: kept as recorded, unchecked (`Outcome.stoppedAt`).
                recorder.keepAsRecorded(line, recorded: entry.command)
                recorder.copy(entry.block)
                continue
            }
            if declined.contains(entry.line) {
                recorder.keepAsRecorded(line, recorded: entry.command)
                recorder.copy(entry.block)
                continue
            }
            let changesKapso = allowWrites && TranscriptChecker.changesKapso(line, registry: registry)
            let captures = TranscriptChecker.captures(line, registry: registry)
            let uses = TranscriptChecker.resultUse(of: line, registry: registry)
            let what = redacted[entry.line]
            let beforeRead = TranscriptChecker.beforeRecordingRead(
                line, registry: registry, context: shell.context, partKeptResult: partKeptResult, appended: inAppendedPart)
            if uses.keeps { partKeptResult = true }
            var skipped =
                what != nil || entry.snapshot || writes.contains(where: { $0.line == entry.line })
                || kept.contains(where: { $0.line == entry.line })
            if skipped, changesKapso, !entry.snapshot {
                // Asked to send the writes, the user learns of each one that was not sent.
                let reason = kept.firstIndex { $0.line == entry.line }.map { kept.remove(at: $0).reason }
                unsent.append((entry.line, entry.command, reason ?? redactedReason(what ?? "a secret", sending: true)))
            } else if skipped, !entry.snapshot, let what, !writes.contains(where: { $0.line == entry.line }),
                !kept.contains(where: { $0.line == entry.line })
            {
                kept.append((entry.line, entry.command, redactedReason(what, sending: false)))
            }
            var readsUnreplayed = false
            if !skipped, uses.reads, let source = unreplayedResult {
                // Run now it would read the result of the line before the unreplayed one (probe11 P11-14).
                kept.append(
                    (entry.line, entry.command,
                     "it reads the result of line \(source.line) ('\(Shortened.text(source.command))'), which was not replayed"))
                (skipped, readsUnreplayed) = (true, true)
            } else if !skipped, let reason = TranscriptChecker.use(of: captured, in: entry.command)
                .map({ "uses ${\($0.name)} from line \($0.line), which \($0.what)" }) ?? created.staleUse(in: entry.command)
            {
                // It ran with the value that capture gave (or a write created) when recorded, which the replay does not
                // have: run, it would read or change another object than the recording did (probe16 P16-2: a confident
                // "output changed" about the id; tester50 F4), so it is not run, not even a read.
                if changesKapso { unsent.append((entry.line, entry.command, reason)) } else { kept.append((entry.line, entry.command, reason)) }
                skipped = true
            } else if !skipped, changesKapso, let cause = diverged {
                // Its arguments may hold what that line gave when recorded (an id captured or copied from its output),
                // which is not what it gave now: sent, it would change the recorded object, not the replay's.
                unsent.append(
                    (entry.line, entry.command,
                     "it may depend on line \(cause.line) ('\(Shortened.text(cause.command))'), which \(cause.what) "
                        + "(no write after that line is sent)" + (created.leftBehind(by: entry.command).map { "; " + $0 } ?? "")))
                skipped = true
            }
            if uses.keeps, !readsUnreplayed {
                unreplayedResult = skipped ? (entry.line, entry.command) : nil
            }
            if skipped {
                if allowWrites, diverged == nil, changesKapso || captures || ScriptPolicy.runsScript(line, registry: registry),
                    !entry.snapshot
                {
                    diverged = (entry.line, entry.command, changesKapso ? "was not sent again" : "was not replayed")
                }
                if !entry.snapshot { recorder.keepAsRecorded(line, recorded: entry.command) }
                recorder.copy(entry.block)
                if let (profile, number) = reselected[entry.line] {
                    TranscriptChecker.reselect(profile, phoneNumberID: number, on: shell.context)
                }
                if ScriptPolicy.runsScript(line, registry: registry) { skippedSource = true }
                if dependedOn == nil, !entry.snapshot,
                    TranscriptChecker.changesKapso(line, registry: registry) || ScriptPolicy.runsScript(line, registry: registry)
                {
                    // Sent with --allow-writes unless it is kept for another reason (a redacted secret, Ctrl-C when recorded).
                    let sendable = !allowWrites && writes.contains { $0.line == entry.line } && redacted[entry.line] == nil
                        && !kept.contains { $0.line == entry.line } && !ScriptPolicy.runsScript(line, registry: registry)
                    dependedOn = (entry.line, entry.command, sendable, recorder.text.utf8.count, recorder.restore)
                }
                TranscriptChecker.keepRecordedCapture(line, at: entry.line, block: entry.block, on: shell.context, captured: &captured)
                // A `set NAME <redacted>` kept as recorded defines NAME as the page shows it, so a later `set` lists it
                // as recorded (probe18 P18-2).
                for (name, value) in TranscriptChecker.recordedSets(
                    line, registry: registry, variables: shell.context.session.variables)
                {
                    shell.context.session.variables[name] = value
                }
                continue
            }
            if let micros = entry.clock { shell.context.moveSimulatorClock?(micros) }
            // Its clock line is above a note, copied with it, or the file has none for it: none is added (P41-4).
            recorder.omitClock = entry.clockInLead || (parsed.header.kind == .demo && entry.clock == nil)
            if parsed.header.kind == .demo, entry.clock == nil { unclocked.append((entry.line, entry.command)) }
            // Variables set before the recording started, which its `set` listing shows (`listedVariables`, P40-11).
            for (name, value) in TranscriptChecker.listedVariables(line, block: entry.block, registry: registry)
            where shell.context.session.variables[name] == nil { shell.context.session.variables[name] = value }
            recorder.pageLine = restored.contains(entry.line) ? entry.command : nil
            // What an editor changed that reads alike is written as the file has it (tester57 AB4).
            recorder.pageOpening = entry.block.split(separator: "\n").lazy.map(String.init)
                .first { TranscriptParser.command(in: $0) != nil }
            recorder.blankAfterBlock = entry.separated
            // A number in a contact number's form that the recording left unmasked was the business's own
            // then (known from the session's numbers): the line shows it so while it runs, and is masked after all
            // when the replay finds it is not (a block added by hand: probe42 P42-4).
            if line == entry.command { recorder.masker?.assumeOwnNumbers(PIIMasker.typedNumbers(in: line)) }
            let mark = recorder.mark
            let start = mark.end
            shell.lastReported = nil
            let presses = shell.context.interruptPresses()
            let lastIDs = [shell.context.session.lastMessageID, shell.context.session.lastWebhookID]
            let unansweredBefore = shell.context.unanswered.count
            shell.run(line: line)
            (recorder.pageOpening, recorder.blankAfterBlock) = (nil, true)
            if shell.context.interruptPresses() > presses || ErrorReport.isCancellation(shell.lastReported) {
                // Ctrl-C stops the check, as it stops `kops run`: the lines after it would replay without what it did,
                // and `--update` would write that over the file (probe18 P18-12).
                throw .checkInterrupted(path: path, line: entry.line, command: entry.command)
            }
            if let failure = shell.lastReported, let status = TranscriptChecker.environmentStatus(of: failure) {
                // Not what the transcript recorded but where it replays: nothing after it can be compared, and written
                // by `--update` it would replace the recorded output (probe16 P16-12). A recorded same failure is fine.
                let shown = shell.redactor.redact(errorLine: ErrorReport(failure).line())
                if !entry.block.contains(shown),
                    !TranscriptChecker.sameBlock(String(recorder.text.utf8.dropFirst(start)) ?? "", entry.block)
                {
                    throw .environmentFailed(
                        path: path, line: entry.line, command: entry.command, cause: String(shown.dropFirst("error: ".count)),
                        status: status)
                }
            }
            recorder.endAssumedOwnNumbers(since: start)
            let now = [shell.context.session.lastMessageID, shell.context.session.lastWebhookID]
            created.replayed(
                String(recorder.text.utf8.dropFirst(start)) ?? "", recorded: entry.block,
                before: { (TranscriptChecker.page(expected, before: entry.line), String(recorder.text.utf8.prefix(start)) ?? "") },
                wrote: changesKapso ? (entry.line, entry.command, zip(now, lastIDs).compactMap { $0 != $1 ? $0 : nil }) : nil,
                shown: { recorder.masker?.knownAlias(ofMessage: $0) })
            recorder.showReplayed(since: start, created.page)
            let replayed = String(recorder.text.utf8.dropFirst(start)) ?? ""
            if let read = beforeRead, TranscriptChecker.keptBeforeRecording(
                line, replayed: replayed, recorded: entry, rewinding: recorder, to: mark, list: read.list)
            {
                kept.append((entry.line, entry.command, read.reason))
                if read.list, let masker = recorder.masker, masker.recordedHashes.isEmpty { unpairedPage = unpairedPage ?? entry.line }
                TranscriptChecker.keepRecordedCapture(line, at: entry.line, block: entry.block, on: shell.context, captured: &captured)
                if uses.keeps { unreplayedResult = (entry.line, entry.command) }
                continue
            }
            let unanswered = shell.context.unanswered.count > unansweredBefore ? shell.context.unanswered.newest : nil
            if !changesKapso, let reason = TranscriptChecker.keptUnanswered(
                line, replayed: replayed, unanswered: unanswered.map { shell.redactor.redact($0) }, recorded: entry,
                rewinding: recorder, to: mark)
            {
                kept.append((entry.line, entry.command, reason))
                continue
            }
            if dependedOn != nil {
                if !skippedSource, !unreadDependedOn, TranscriptChecker.dependsOnNothing(line, registry: registry) {
                    renewable[entry.line] = replayed
                } else if replayed != entry.block {
                    keptAfter.append(entry.line)
                }
            }
            if captures { TranscriptChecker.recapture(line, recorded: entry, replayed: replayed, into: &captured) }
            if allowWrites, diverged == nil, changesKapso || captures,
                !TranscriptChecker.sameBlock(replayed, entry.block)
            {
                diverged = (
                    entry.line, entry.command,
                    changesKapso ? "answered differently on replay" : "captured another value on replay"
                )
            }
            if shell.context.exitRequested { break }
        }
        recorder.copy(parsed.trailer)
        let (expectedText, actualText) = (TranscriptChecker.trimmed(expected), TranscriptChecker.trimmed(recorder.text))
        // Split only when they differ: a clean check compares the two texts once.
        let (expectedLines, actualLines) = expectedText == actualText ? ([], []) : (
            expectedText.split(separator: "\n", omittingEmptySubsequences: false), actualText.split(separator: "\n", omittingEmptySubsequences: false)
        )
        // The ids of kops's own calls, which a replay makes anew (tester64b U2), in every form of a page (tester65 V4).
        let (hunks, ownCallHunks) = TranscriptChecker.withoutOwnCallIDs(
            LineDiff.hunks(expectedLines, actualLines), expected: expectedLines, actual: actualLines)
        let diff = hunks.flatMap(\.lines)
        // An earlier kops's layout of the same output is no change (tester59b AG18); the hunks are named in the summary.
        let (unmoved, earlierLayout) = TranscriptChecker.withoutEarlierLayout(
            TranscriptChecker.named(TranscriptChecker.withoutClockLines(diff), in: parsed))
        // Ages read later than recorded, on an API whose clock is not pinned (tester61 AJ12).
        let recorded = parsed.header.kind == .demo ? nil : parsed.header.recordedMicros.map { $0 / 1_000_000 }
        let (aged, movedAges) = TranscriptChecker.withoutMovedAges(
            unmoved, elapsed: recorded.map { shell.context.now() - $0 }, recorded: recorded)
        let (changed, ownCallIDs) = (aged, TranscriptChecker.named(ownCallHunks.map { $0.lines[0] }, in: parsed))
        var outcome = Outcome(
            commands: parsed.commands.count, actual: recorder.text, diff: changed,
            writesNotReplayed: writes, snapshots: parsed.commands.filter(\.snapshot).count, keptAsRecorded: kept,
            writesNotSent: unsent, restore: recorder.restore, redacted: redacted, unreadBlocks: unread)
        (outcome.updated, outcome.updatedRestore) = (recorder.text, recorder.restore)
        (outcome.notAcceptedWhenRecorded, outcome.unclocked) = (notAccepted, unclocked)
        (outcome.earlierLayout, outcome.movedAges, outcome.ownCallIDs) = (earlierLayout, movedAges, ownCallIDs)
        outcome.assumedEarlierReads = shell.context.ownLookups.assumedReads.count
        outcome.assumedNormalAnswers = shell.context.ownLookups.assumedNormalAnswers.count
        (outcome.clockBehind, outcome.unpairedKeptPage) = (shell.context.ownLookups.replayClockBehind, unpairedPage)
        if let stop {
            outcome.stoppedAt = (stop.line, stop.command, stop.reason, parsed.commands.filter { $0.line > stop.line }.count)
        }
        if let dependedOn, let last = parsed.commands.last, last.line > dependedOn.line {
            (outcome.updated, outcome.updatedRestore) = TranscriptChecker.keptFrom(
                dependedOn.line, prefix: String(recorder.text.utf8.prefix(dependedOn.end)) ?? "", restore: dependedOn.restore,
                parsed: parsed, lines: lines, renewed: renewable)
            outcome.dependedOn = (dependedOn.line, dependedOn.command, dependedOn.sendable)
            outcome.dependedOnIsUnread = unreadDependedOn
            outcome.keptAfterUnreplayed = keptAfter
        }
        outcome.updateChanges = TranscriptChecker.trimmed(outcome.updated) != TranscriptChecker.trimmed(expected)
        return outcome
    }

    /// Whether `command` (a transcript's line) reads a contact's marketing preference: `trace`, a template `reply`.
    static func readsPreference(_ command: String) -> Bool {
        let words = command.split(separator: " ")
        return words.first == "trace" || words.first == "reply" && words.contains { $0 == "--template" || $0.hasPrefix("--template=") }
    }
}

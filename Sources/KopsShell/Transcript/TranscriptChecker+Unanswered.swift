internal import Foundation
internal import KapsoClient
internal import KopsHTTP

/// Writes whose request went out when recorded but whose answer was never seen (tester51 N8): stopped with Ctrl-C after
/// the request was sent, or an unknown outcome (`UnknownOutcome`: no answer, a 5xx). Whether they took effect is
/// unknown, so `kops check` neither sends them again nor calls them refused, and names them as such.
extension TranscriptChecker {
    /// How the reason of such a line starts, for `Outcome.unansweredWrites`.
    static let unansweredReason = "its request was sent when recorded but its answer was not seen"

    /// Why a block recorded as stopped (`wasCancelled`) is kept: a write stopped with Ctrl-C after its request went out
    /// has an unknown outcome; any other line was cut short.
    static func cancelledReason(_ line: String, block: String, registry: CommandRegistry) -> String {
        if block.contains(TranscriptRecorder.cutShortLine) {
            return "the file ends inside it: kops was killed while it ran, or the file was cut"
        }
        if block.contains(TranscriptRecorder.terminatedLine) { return "kops was ended while it ran when recorded" }
        let sent = ErrorReport(KapsoAPIError.transport(.cancelled(sent: true))).line()
        if ScriptPolicy.isWrite(line: line, registry: registry), block.split(separator: "\n").contains(where: { $0 == sent }) {
            return unansweredReason + " (stopped with Ctrl-C), so whether it took effect is unknown; check does not send it "
                + "again, and later blocks may show its effect"
        }
        return "it was stopped with Ctrl-C when recorded"
    }

    /// The reason for a write line whose block ends in an unknown outcome (`UnknownOutcome`: `the request was sent but no
    /// answer came …`, `the outcome is unknown: …`), nil otherwise: not "refused", and not sent again.
    static func unknownOutcomeWhenRecorded(_ line: String, block: String, registry: CommandRegistry) -> String? {
        guard ScriptPolicy.isWrite(line: line, registry: registry),
            block.split(separator: "\n").contains(where: { row in UnknownOutcome.linePrefixes.contains { row.hasPrefix("error: " + $0) } })
        else { return nil }
        return unansweredReason + " (the error in its block), so whether it took effect is unknown; check does not send it "
            + "again, and later blocks may show its effect"
    }
}

extension TranscriptChecker.Outcome {
    /// The write lines kept because their outcome was unknown when recorded (`TranscriptChecker.unansweredReason`).
    public var unansweredWrites: [Int] {
        keptAsRecorded.filter { $0.reason.hasPrefix(TranscriptChecker.unansweredReason) }.map(\.line)
    }

    /// True when `dependedOn` is such a write: no replay renews the blocks after it.
    public var dependedOnIsUnanswered: Bool {
        dependedOn.map { unansweredWrites.contains($0.line) } ?? false
    }
}

/// A replayed block one of whose look-ups got no answer from the API (tester53 T3: a 503 on `trace`'s conversation
/// printed `conversation: … (not loaded: the API failed (503) …)` and a weaker verdict, which `kops check` reported as
/// a change and `--update` wrote over the recorded evidence). As for a whole command the API did not answer
/// (`ErrorReport.isNoAnswer`), such a replay checked nothing: the block is kept as recorded, named, and the check is partial.
/// Which look-ups went unanswered is noted where the client reads them (`ShellContext.unanswered`), not read from the
/// section's words: a dropped connection, overview's `rate-limited (429) twice` or a line left out entirely are gaps too
/// (tester53b U2, U3).
extension TranscriptChecker {
    /// How the reason of such a kept block starts, for `Outcome.unansweredOnReplay`.
    static let unansweredOnReplayReason = "a look-up got no answer from the API on replay"

    /// When a look-up of `line`'s replay got no answer (`unanswered`, the newest one's error) and the replay differs from
    /// the recorded block: the replay is taken back (`rewinding` to `mark`), the recorded block copied in its place, and
    /// the reason returned; nil otherwise, with nothing changed. A replay equal to the recording (a part that failed when
    /// recorded fails again) is no gap in what it checked.
    static func keptUnanswered(
        _ line: String, replayed: String, unanswered: String?, recorded entry: TranscriptParser.Entry,
        rewinding recorder: TranscriptRecorder, to mark: TranscriptRecorder.Mark
    ) -> String? {
        guard let unanswered, replayed != entry.block else { return nil }
        recorder.rewind(to: mark)
        recorder.keepAsRecorded(line, recorded: entry.command)
        recorder.copy(entry.block)
        return unansweredOnReplayReason + " ('\(Shortened.text(unanswered))'), so that part could not be replayed; retry "
            + "the check (--update does not write it)"
    }
}

extension TranscriptChecker.Outcome {
    /// The lines kept as recorded because a look-up of their replay got no answer (`TranscriptChecker.keptUnanswered`).
    public var unansweredOnReplay: [Int] {
        keptAsRecorded.filter { $0.reason.hasPrefix(TranscriptChecker.unansweredOnReplayReason) }.map(\.line)
    }
}

internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// Blocks written as recorded before (`kops check`, a bundle), not as a command runs.
extension TranscriptRecorder {
    /// Removes a transcript this recorder created that still holds only its header (`kops run --record` of a script
    /// refused before its first line: nothing ran), so the corrected run can record to the same name (probe18 P18-1).
    /// True when it was removed; a file with anything else in it stays.
    public func removeIfOnlyHeader() -> Bool {
        guard case .file = destination, let file, stillOwnsFile(), restore.lines.isEmpty,
            let data = FileManager.default.contents(atPath: file), String(decoding: data, as: UTF8.self) == header.markdown
        else { return false }
        return (try? FileManager.default.removeItem(atPath: file)) != nil
    }

    /// Appends a block as recorded before (`kops check` keeps blocks it cannot replay).
    public func copy(_ block: String) {
        append(block)
    }

    /// Appends recorded blocks and their restore lines (a bundle holding the session's transcript).
    public func copy(_ blocks: String, restoring lines: TranscriptRestore) {
        append(blocks)
        let counts = occurrences
        for (command, count) in TranscriptRestore.occurrences(in: blocks) { occurrences[command, default: 0] += count }
        guard !lines.lines.isEmpty else { return }
        restore.append(lines, after: counts)
        if case .file(let path) = destination { saveRestore(besides: path) }
    }

    /// `kops check` reaching a part appended by another session (`record --append`): that session masked with aliases
    /// of its own, numbered after the file's, so a value the first part showed got a new one (`<message 2>` for the
    /// first part's `<message 1>`). The replay does the same, or it would show the first alias and never check clean.
    /// `afresh`: a second transcript pasted below the first was recorded alone, its aliases from 1 (tester57 AB6).
    func startAppendedPart(afresh: Bool = false) {
        guard masker != nil else { return }
        masker = PIIMasker()
        if !afresh { masker?.continueNumbering(after: text) }
    }

    /// The line as the page shows it.
    /// A block `kops check` keeps as recorded instead of running: its line as typed is masked all the same, as it
    /// was when recorded, so the aliases it took (`trace <message 1>`) are not handed to later lines' values
    /// (probe8 P8-7).
    /// Its block shows the line as recorded (`recorded`), so that is the line the restore file keeps `line` for:
    /// a `kops check --update` writes this recorder's restore lines beside the file.
    func keepAsRecorded(_ line: String, recorded: String) {
        _ = maskLine(line)
        let occurrence = occurrences[recorded, default: 0]
        occurrences[recorded] = occurrence + 1
        keep(line, as: recorded, occurrence: occurrence)
    }

    /// Where a replayed line starts: the text's length, the restore lines and the lines' counts (`rewind(to:)`).
    struct Mark {
        var end: Int
        var restore: TranscriptRestore
        var occurrences: [String: Int]
    }

    var mark: Mark { Mark(end: text.utf8.count, restore: restore, occurrences: occurrences) }

    /// Takes back what a replayed line wrote since `mark`, when `kops check` keeps its block as recorded after all (a
    /// look-up got no answer: `TranscriptChecker.keptUnanswered`). Only a replay in memory is taken back.
    func rewind(to mark: Mark) {
        guard destination == .memory else { return }
        text = String(decoding: text.utf8.prefix(mark.end), as: UTF8.self)
        (restore, occurrences) = (mark.restore, mark.occurrences)
    }

    /// `kops check` replayed a block from UTF-8 offset `start` on: its text there is `shown(text)` (`CreatedIDs.page`: the
    /// ids a replayed write created shown as the recorded ones). Only a replay in memory is rewritten.
    func showReplayed(since start: Int, _ shown: (String) -> String) {
        guard destination == .memory, let tail = String(text.utf8.dropFirst(start)) else { return }
        let rewritten = shown(tail)
        guard rewritten != tail else { return }
        text = String(decoding: text.utf8.prefix(start), as: UTF8.self) + rewritten
    }
}

internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Readings of recorded blocks: as recorded, declined, cancelled, captured; and the diff named by command.
extension TranscriptChecker {
    /// `prefix` (the replay up to the block of the line at `line`, with `restore`, its restore lines) followed by the
    /// blocks after that line as the file holds them (or as replayed, for the lines in `renewed`), their leads and the
    /// trailer; with the restore lines of those blocks (`lines`: each block's line as typed), numbered after the prefix's.
    static func keptFrom(
        _ line: Int, prefix: String, restore: TranscriptRestore, parsed: TranscriptParser, lines: [String],
        renewed: [Int: String] = [:]
    ) -> (text: String, restore: TranscriptRestore) {
        var (text, restore) = (prefix, restore)
        var counts = TranscriptRestore.occurrences(in: prefix)
        for (entry, typed) in zip(parsed.commands, lines) where entry.line > line {
            text += entry.lead + (renewed[entry.line] ?? entry.block)
            // Counted as `replay` finds restore lines: every block, snapshots too.
            let occurrence = counts[entry.command, default: 0]
            counts[entry.command] = occurrence + 1
            if !entry.snapshot, typed != entry.command || PIIMasker.isMasked(typed),
                restore.line(for: entry.command, occurrence: occurrence) != typed
            {
                restore.keep(typed, for: entry.command, occurrence: occurrence)
            }
        }
        return (text + parsed.trailer, restore)
    }

    /// True when a replayed block reads as the recorded one: the same lines, clock lines, trailing blank lines, the
    /// last characters of masked secrets (`secretTailless`) and the times a write stamps (`stampless`) aside.
    static func sameBlock(_ replayed: String, _ recorded: String) -> Bool {
        func lines(_ text: String) -> [String] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { TranscriptClock.micros(inLine: $0) == nil }
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            return lines.map { stampless(secretTailless($0)) }
        }
        return lines(replayed) == lines(recorded)
    }

    /// `created:   2026-12-05T16:46:38Z` → `created:   <time>`, also `updated:` and JSON's `"created_at": "…"`: the time
    /// the API stamps on what a write makes or changes, which differs on every replay but within the same second, so it
    /// is no reason to hold the later writes back (tester53 T8: the `created:` second of a replayed `webhooks create`
    /// withheld its update and delete, and each check left a new active webhook). Other lines keep their times.
    static func stampless(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        guard stampLabels.contains(where: trimmed.hasPrefix) else { return line }
        return line.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})/, with: "<time>")
    }

    /// The labels of `stampless`'s lines; `last attempt:` is the time of `webhooks test`'s delivery, which the write
    /// makes (tester53b U4: a create → test → delete check still withheld the delete and left the webhook).
    static let stampLabels = [
        "created:", "updated:", "last attempt:", "\"created_at\":", "\"updated_at\":", "\"last_attempt_at\":",
    ]

    /// `secret:    whsec_…73` → `secret:    whsec_…`, also in JSON (`"whsec_…6a",`): each word in `SecretMask`'s form
    /// without its last characters. A generated secret differs each time it is made, and no later line can hold a value
    /// shown masked, so that difference is no reason to hold a write back. Shortened ids (`00000000…0209`) are kept.
    static func secretTailless(_ line: Substring) -> String {
        guard line.contains("…") else { return String(line) }
        let prefixes = TokenPrefix.all.map(\.text)
        return line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let ellipsis = word.firstIndex(of: "…") else { return String(word) }
            let head = word[..<ellipsis].drop { $0 == "\"" }
            let tail = word[word.index(after: ellipsis)...].prefix { $0 != "\"" && $0 != "," }
            guard head.isEmpty || prefixes.contains(String(head)), tail.count <= SecretMask.tailCount else { return String(word) }
            return String(word[...ellipsis]) + word[word.index(after: ellipsis)...].dropFirst(tail.count)
        }.joined(separator: " ")
    }

    /// The variable a recorded `capture PATH as NAME` line set and its value, read from its block (`NAME = VALUE`);
    /// nil for another line, a capture that failed, or a value the recording masked.
    static func recordedCapture(_ line: String, block: String) -> (name: String, value: String)? {
        guard let (name, value) = capture(line, block: block, lastShown: false) else { return nil }
        return PIIMasker.isMasked(value) || value.contains("<redacted>") ? nil : (name, value)
    }

    /// The variable a `capture PATH as NAME` line sets and the value its block shows on a `NAME = VALUE` line (the
    /// first such line, or the last when `lastShown`), as written; nil for another line or a block without one.
    static func capture(_ line: String, block: String, lastShown: Bool) -> (name: String, value: String)? {
        guard let words = (try? Lexer.commands(in: line))?.first?.map(\.text), words.count >= 4,
            words.first == CaptureCommand.name, words[words.count - 2] == "as", let name = words.last
        else { return nil }
        let lead = name + " = "
        let lines = block.split(separator: "\n")
        let isShown = { (line: Substring) in line.hasPrefix(lead) }
        guard let shown = lastShown ? lines.last(where: isShown) : lines.first(where: isShown) else { return nil }
        return (name, String(shown.dropFirst(lead.count)))
    }

    /// True for a write whose confirmation was declined when recorded (`n`, or Ctrl-C, at `[y/N]`): `webhooks delete
    /// ID` showing `not deleted` alone, `webhooks update` showing `not updated; …` alone, a `reply` (text or template)
    /// ending `not sent` (after Ctrl-C, with the interrupted mark). That is its whole outcome, nothing was sent, so
    /// `kops check` replays it as recorded without a request, where no one could be asked and the line alone would be
    /// refused for its missing `--yes` or, with `--allow-writes`, sent (probe22 P22-5; tester57 AB2: a declined reply
    /// was sent to the contact by `check --allow-writes` and by any check on the demo). A line with `--yes` was never
    /// asked.
    static func wasDeclined(_ line: String, block: String) -> Bool {
        guard let write = AskedWrite(line) else { return false }
        // White space an editor left at a line's end (Markdown's hard break: `not sent␠␠`) is no other outcome
        // (tester57b AC5: such a declined reply was sent by `check --allow-writes`).
        let lines = block.split(separator: "\n").map { $0.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed() }
            .map { String($0) }.filter { !$0.isEmpty }
        guard let prompt = lines.firstIndex(where: { $0.contains("> ") }) else { return false }
        let output = lines[(prompt + 1)...].filter {
            !$0.allSatisfy { $0 == "`" } && $0 != TranscriptRecorder.interruptedLine
        }
        switch write {
        case .webhookDelete: return output == ["not deleted"]
        case .webhookUpdate: return output.count == 1 && output[0].hasPrefix("not updated; ")
        // Hints the reply printed before its question (a held message, the window closing soon) may come first.
        case .reply: return output.last == "not sent" && !output.contains { $0.hasPrefix("sent ") }
        }
    }

    /// A write that asks `[y/N]` before it is sent, typed alone on its line without `--yes` or `--dry-run`: the lines
    /// whose recorded block may hold a declined outcome (`wasDeclined`, `notShownDone`); nil for any other line.
    enum AskedWrite {
        case reply, webhookDelete, webhookUpdate

        init?(_ line: String) {
            guard let commands = try? Lexer.commands(in: line), commands.count == 1 else { return nil }
            let words = commands[0].map(\.text)
            guard !words.contains("--yes"), !words.contains("--dry-run") else { return nil }
            switch words.first {
            case ReplyCommand.name: self = .reply
            case WebhooksCommand.name where words.contains("delete"): self = .webhookDelete
            case WebhooksCommand.name where words.contains("update"): self = .webhookUpdate
            default: return nil
            }
        }
    }

    /// Why a write that asks `[y/N]` first (`reply`, `webhooks update`, `webhooks delete`, typed without `--yes`) is kept
    /// as recorded, nil when its block shows the write done: a reply's `sent|held … to …` line, `updated webhook …`,
    /// `deleted webhook …`, or the JSON object `--output json` prints for one. A block showing neither that nor the
    /// declined outcome as kops writes it (`wasDeclined`) had its outcome line changed or removed by an editor or a
    /// ticket system, and what a block does not show was done is never done by a replay (tester58 AD5: a declined
    /// reply whose `not sent` held a no-break space, a zero-width space or a full stop, was capitalised, indented or
    /// deleted, was sent to the contact by `check --allow-writes` and by any check on the demo).
    static func notShownDone(_ line: String, block: String) -> String? {
        guard let write = AskedWrite(line) else { return nil }
        let shown: (Substring) -> Bool
        let declined: String
        switch write {
        case .reply: (shown, declined) = ({ ($0.hasPrefix("sent ") || $0.hasPrefix("held ")) && $0.contains(" to ") }, "notsent")
        case .webhookDelete: (shown, declined) = ({ $0.hasPrefix("deleted webhook ") }, "notdeleted")
        case .webhookUpdate: (shown, declined) = ({ $0.hasPrefix("updated webhook ") }, "notupdated")
        }
        let lines = block.split(separator: "\n").map { $0.drop { $0 == " " || $0 == "\u{A0}" || $0 == "\t" } }
        guard let prompt = lines.firstIndex(where: { $0.contains("> ") }) else { return nil }
        let output = lines[(prompt + 1)...]
        // Its decline line, however an editor touched it (case, spaces, punctuation), wins over a line saying it was
        // done: a block holding both (two copies merged, a note pasted under it) is never sent (tester58b AE1).
        if output.contains(where: { String($0.lowercased().filter(\.isLetter)).hasPrefix(declined) }) {
            return "its block says it was declined when recorded ('not …'), whatever else it holds, so check does not send it"
        }
        guard !output.contains(where: { shown($0) || $0.hasPrefix("{") }) else { return nil }
        return "its block shows neither that it was done nor kops's own line for a declined one (edited or removed?), so "
            + "check does not send it; record it again to check a write"
    }

    /// Why a write line's recorded block shows it was refused before anything was sent, nil otherwise: one command that
    /// changes data (`ScriptPolicy.isWrite`) whose block holds the shell's refusal for a session without
    /// `--allow-writes` (`ScriptError.writeRefused`: read-only, or a send to a URL off this machine), which kops says
    /// before any request. Its recorded outcome is whole: the recorded session sent nothing, so `kops check` sends
    /// nothing either, `--allow-writes` or not, and keeps the block as recorded (probe40 P40-2: a `reply` refused as
    /// read-only was sent to the customer by `check --allow-writes`, and by `kops --demo check` of the golden
    /// `reply.md`). A line of several commands is not read so: one of them may have been sent before another was
    /// refused. A write the API refused is not one: its request reached Kapso (its log, the simulator's ids), so it
    /// replays as before.
    static func refusedWhenRecorded(_ line: String, block: String, registry: CommandRegistry) -> String? {
        guard let commands = try? Lexer.commands(in: line), commands.count == 1,
            ScriptPolicy.isWrite(commands[0].map(\.text), registry: registry)
        else { return nil }
        let refusal = ErrorReport(ScriptError.writeRefused(command: ScriptPolicy.label(commands[0].map(\.text)))).line()
        guard block.split(separator: "\n").contains(where: { String($0) == refusal }) else { return nil }
        return "it was refused when recorded (the session ran without --allow-writes), so nothing was sent then and "
            + "check sends nothing"
    }

    /// Why a write line's recorded block shows its write was not accepted, nil otherwise (and for a block stopped with
    /// Ctrl-C or cut short: `wasCancelled` keeps those, their request may have taken effect).
    ///
    /// The recorder ends such a block with `TranscriptRecorder.writeNotAcceptedLine` (kops refused it on that day's state
    /// — a closed 24-hour window, a template check, recent failures — or the API answered with an error, or the line
    /// failed before the write ran). A block recorded before that line existed is read by its text: a line that changes
    /// data whose block holds an error line (`error: …`, as the shell writes every error) did not get its write accepted,
    /// or, on a line of several commands, kops cannot tell that it did. Either way its recorded outcome is whole: check
    /// keeps the block as recorded and sends nothing, `--allow-writes` or not (probe40 P40-2: a write refused when
    /// recorded was sent again by `check --allow-writes`).
    static func notAcceptedWhenRecorded(_ line: String, block: String, registry: CommandRegistry) -> String? {
        guard !wasCancelled(block), let commands = try? Lexer.commands(in: line),
            commands.contains(where: { ScriptPolicy.isWrite($0.map(\.text), registry: registry) })
        else { return nil }
        let lines = block.split(separator: "\n")
        let marked = lines.contains { $0 == TranscriptRecorder.writeNotAcceptedLine }
        let failed = lines.contains { $0.hasPrefix("error: ") }
        if marked || (failed && commands.count == 1) {
            return "it failed or was refused when recorded (the error in its block), so nothing was accepted then and "
                + "check does not send it"
        }
        guard failed else { return nil }
        return "one of its commands failed when recorded (the error in its block) and the block does not say that its "
            + "write was accepted, so check does not send it"
    }

    /// True for a block whose command was stopped with Ctrl-C when recorded: its last line is the shell's
    /// cancellation line (`error: cancelled`, or with "the request had been sent") or the recorder's
    /// `interruptedLine`. Run again, the command
    /// would go to its end, which the recording never saw, and would mask values the recording never did,
    /// so every later alias would shift; skipping it leaves the session as the recording left it (a cancelled
    /// command changes no session state).
    static func wasCancelled(_ block: String) -> Bool {
        var lines = block.split(separator: "\n").filter { !$0.isEmpty }
        // Without its closing fence, whatever its length.
        if let last = lines.last, last.allSatisfy({ $0 == "`" }) { lines.removeLast() }
        guard let last = lines.last else { return false }
        if last == TranscriptRecorder.interruptedLine || last == TranscriptRecorder.terminatedLine
            || last == TranscriptRecorder.cutShortLine
        {
            return true
        }
        return [false, true].contains { sent in
            String(last) == ErrorReport(KapsoAPIError.transport(.cancelled(sent: sent))).line()
        }
    }

    /// The text without trailing blank lines or final newline: an editor's tidying is not a change.
    static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    /// `diff` without kops's own `<!-- clock: … -->` lines, and without a hunk left with none but those: metadata the
    /// recorder writes before each block, not output (probe27 P27-14: a block added by hand showed the replay's clock
    /// line as a changed output line of that command). `--update` writes them all the same.
    static func withoutClockLines(_ diff: [String]) -> [String] {
        var result: [String] = []
        var hunk: [String] = []
        func close() {
            if hunk.count > 1 { result += hunk }
            hunk = []
        }
        for line in diff {
            if line.hasPrefix("@@ ") {
                close()
                hunk = [line]
            } else if (line.hasPrefix("+") || line.hasPrefix("-")), TranscriptClock.micros(inLine: line.dropFirst()) != nil {
                // A hunk's number is its first expected line's: one that is dropped moves it to the next.
                if line.hasPrefix("-"), hunk.count == 1, let number = Int(hunk[0].dropFirst(8)) { hunk[0] = "@@ line \(number + 1)" }
                continue
            } else {
                hunk.append(line)
            }
        }
        close()
        return result
    }

    /// `@@ line 14` → `@@ line 14 (in 'health')`: the command whose block holds the expected line.
    static func named(_ diff: [String], in parsed: TranscriptParser) -> [String] {
        diff.map { line in
            guard line.hasPrefix("@@ line "), let number = Int(line.dropFirst(8)) else { return line }
            guard let entry = parsed.commands.last(where: { $0.line <= number }) else { return line + " (in the header)" }
            return line + " (in '\(entry.command)')"
        }
    }
}

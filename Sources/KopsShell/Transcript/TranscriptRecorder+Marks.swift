internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// What kops writes into a transcript of its own: the lines left out, its `<!-- -->` marks, text without escapes.
extension TranscriptRecorder {
    /// Command lines left out of a transcript: `record` (the recording itself), `exit` and `quit` (they print nothing,
    /// and replayed they would end `kops check` there, so a part appended after one would never replay: probe18 P18-23).
    static let unrecorded: Set<String> = ["record", ExitCommand.name, "quit"]

    /// The command a line runs, read as the shell reads it: its first word from the lexer, so any
    /// whitespace and quotes count (`\t"record" x` → `record`); nil for a line the lexer refuses or an
    /// empty one. `record` lines are not recorded and `use` lines wait for their first output.
    public static func commandName(of line: String) -> String? {
        (try? Lexer.commands(in: line))?.first?.first?.text
    }

    /// whose look-ups show `not loaded: cancelled`): its output is partial, and `kops check` keeps it as recorded
    /// (probe16 P16-6). Written inside the block, as the reader of the evidence sees it; one of kops's `<!-- -->` marks.
    public static let interruptedLine =
        "<!-- interrupted: stopped with Ctrl-C, so the output above is partial; kops check keeps it as recorded -->"

    /// The last line of a block whose command was running when kops was ended by SIGTERM, SIGHUP or SIGPIPE (a kill, a
    /// closed terminal or ssh session, a closed pipe): written by the signal handler, with the closing fence, so the
    /// file does not end inside the block and `kops check` keeps it as recorded (probe18 P18-8).
    public static let terminatedLine =
        "<!-- interrupted: kops was ended here (a kill, a closed terminal or pipe), so the output above is partial; kops check keeps it as recorded -->"

    /// The last line of a block whose command line changes data and failed before its writes were accepted: kops refused
    /// it (read-only, a closed 24-hour window, a template check, recent failures), the API answered it with an error, or
    /// an earlier command of the line failed so it never ran. Written after the error, by the shell, which knows which
    /// command failed (the text alone does not say so for a line of several commands). `kops check` keeps such a block as
    /// recorded and never sends its write, `--allow-writes` or not, and `--update` keeps the block and this line (probe40
    /// P40-2: a reply refused when recorded was sent to the customer by the check). A block recorded before this line
    /// existed is read by its `error:` line instead (`TranscriptChecker.notAcceptedWhenRecorded`).
    public static let writeNotAcceptedLine =
        "<!-- write not accepted: it was refused or failed when recorded (the error above), so kops check does not send it -->"

    /// The command line running changes data and failed before its writes were accepted: its block ends with
    /// `writeNotAcceptedLine`.
    public func markWriteNotAccepted() {
        guard depth == 1, !skipping else { return }
        open()
        append(TranscriptRecorder.writeNotAcceptedLine + "\n")
    }

    /// The last line of a last block the file ends inside (kops killed with SIGKILL, by the OOM killer or a dead machine,
    /// before it could close the block): `kops check` reads the block as if it ended so and keeps it as recorded, and
    /// `record --append` writes it with the closing fence before appending (probe22 P22-22: the file could not be
    /// checked at all, and an append went inside the open block).
    public static let cutShortLine =
        "<!-- interrupted: the file ended here, inside this block (kops was killed, or the file was cut), so the output above is partial; kops check keeps it as recorded -->"

    /// `text` with a last block it ends inside (`TranscriptParser.unclosedBlock` with no next block) closed: a line
    /// end, `cutShortLine` and the block's fence. Nil when no block is cut short at the end.
    public static func closingCutShortBlock(_ text: String) -> String? {
        guard let block = TranscriptParser(text).unclosedBlock, block.next == nil else { return nil }
        return text + (text.unicodeScalars.last == "\n" ? "" : "\n") + cutShortLine + "\n" + block.fence + "\n"
    }

    /// Text without ANSI escape sequences (colours on a terminal), so transcripts stay plain Markdown.
    static func removingEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\u{1B}" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            // CSI: ESC [ parameter and intermediate bytes (0x20...0x3F) then a final byte in @...~. Anything
            // else ends the sequence unconsumed, so a stray ESC never swallows the newline before a fence.
            guard index < scalars.count, scalars[index] == "[" else { continue }
            index += 1
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
        }
        return result
    }
}

/// The layouts of an earlier kops that `kops check` reads as the same output (tester59b AG18): before session 59's AE2
/// fix, a transcript recorded at a terminal held `webhooks check`'s multi-command fix one command a line, and
/// `deliveries stats`' rows with their bars; the recorder now writes both as a pipe shows them (the fix on one line
/// under `  fix: `, no bars). Those transcripts still say what they said, so a hunk that differs only so is no change.
extension TranscriptChecker {
    /// `diff` without the hunks whose recorded (`-`) lines, read in the current layout (`EarlierLayout.current`), are
    /// the replayed (`+`) lines; `hunks` are their `@@` lines, to name the blocks.
    static func withoutEarlierLayout(_ diff: [String]) -> (diff: [String], hunks: [String]) {
        setAside(diff) { removed, added in EarlierLayout.current(removed) == EarlierLayout.current(added) }
    }
}

/// Output lines read in the current layout: the continuation lines of a `  fix: ` (seven spaces, then the text) joined
/// to it with one space, and the bar cells that end a `deliveries stats` row (`Bar`) left out.
enum EarlierLayout {
    /// The indent of a fix's continuation lines (`FixLayout.blocks`).
    static let continuation = "       "

    /// The bar glyphs `Bar.text` draws.
    static let barGlyphs: Set<Character> = ["█", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func current(_ lines: [Substring]) -> [String] {
        var result: [String] = []
        var inFix = false
        for line in lines.map(withoutBar) {
            let continues = line.hasPrefix(continuation) && line.dropFirst(continuation.count).first.map { $0 != " " } == true
            if continues, inFix {
                result[result.count - 1] += " " + line.dropFirst(continuation.count)
                continue
            }
            // A hunk may start inside a fix: its first continuation line stands for the lines above it.
            inFix = line.hasPrefix("  fix: ") || (continues && result.isEmpty)
            result.append(line)
        }
        return result
    }

    /// `line` without the bar that ends it (two spaces or more, then only bar glyphs).
    static func withoutBar(_ line: Substring) -> String {
        let bar = line.reversed().prefix { barGlyphs.contains($0) }.count
        guard bar > 0 else { return String(line) }
        let rest = line.dropLast(bar)
        guard rest.hasSuffix("  ") else { return String(line) }
        return String(rest.reversed().drop { $0 == " " }.reversed())
    }
}

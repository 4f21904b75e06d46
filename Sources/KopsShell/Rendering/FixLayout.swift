/// How a finding's fix (`webhooks check`, `Block.fix`) is laid out: by the renderer, at its width. The command builds the
/// same result at a terminal, in a pipe and for a transcript, so a transcript recorded at a terminal checks green in CI
/// and the other way round (tester58b AE2: the one-command-a-line layout was chosen by the command at a terminal only,
/// and written into the transcript so).
enum FixLayout {
    /// `fix` as lines of at most `limit` characters, split only between its `; `-separated parts: one line of a
    /// fix longer than the terminal's line cap (`VisibleText.lineLimit`, five kinds of failed delivery each with its
    /// advice) was cut inside the command it ended with (probe46 P46-6). A part longer than `limit` stays whole on its
    /// own line.
    ///
    /// On a terminal `width` columns wide, a fix line wider than it (after its `  fix: ` prefix) starts each unquoted
    /// `webhooks SUBCOMMAND …` on a line of its own and ends that line after the command's `;`, so the command is not
    /// wrapped under prose and a copied line holds the whole command and nothing else (tester46 L2: at 80 columns
    /// `then webhooks update ID` ended one line and `--active true` began the next). A `'…'`-quoted command is kept
    /// whole by `ProseWrap` already.
    static func lines(_ fix: String, width: Int? = nil, limit: Int = VisibleText.lineLimit - 8) -> [String] {
        let lines = partLines(fix, limit: limit)
        guard let width else { return lines }
        return lines.flatMap { "  fix: ".count + $0.count > width ? commandLines($0) : [$0] }
    }

    /// A finding's fix as lines under `  fix: ` (`lines`): a command on a line of its own is a `.command` block, so
    /// one wider than the terminal is not wrapped between its words (fix48b's leftover: `webhooks create --url …
    /// --events …`, about 100 characters, split at 80 columns); the rest is prose, wrapped.
    static func blocks(_ fix: String, width: Int?) -> [Block] {
        lines(fix, width: width).enumerated().map { offset, line in
            let shown = (offset == 0 ? "  fix: " : "       ") + line
            let words = line.split(separator: " ", maxSplits: 2)
            let isCommand = width != nil && words.count > 1 && words[0] == "webhooks" && subcommands.contains(String(words[1]))
            return isCommand ? .command(shown) : .line(StyledText(shown))
        }
    }

    /// The `webhooks` subcommands a fix names as commands to type.
    static let subcommands: Set<String> = ["create", "update", "delete", "get", "test", "check"]

    /// `line` cut before each unquoted `webhooks SUBCOMMAND`, and after it at the word ending in `;` that ends it or
    /// before a `(` that follows it; joined with spaces, the pieces are `line`.
    static func commandLines(_ line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var pieces: [[String]] = [[]]
        var quoted = false
        var inCommand = false
        for (index, word) in words.enumerated() {
            // A parenthesis after a command's words is prose about it: `webhooks delete ID (it lists no event …)`.
            if inCommand && word.hasPrefix("(") {
                inCommand = false
                pieces.append([])
            }
            if !quoted && !inCommand && word == "webhooks" && index + 1 < words.count && subcommands.contains(words[index + 1]) {
                if !pieces[pieces.count - 1].isEmpty { pieces.append([]) }
                inCommand = true
            }
            pieces[pieces.count - 1].append(word)
            if ProseWrap.opensQuote(word) { quoted = true } else if quoted && ProseWrap.closesQuote(word) { quoted = false }
            if inCommand && word.hasSuffix(";") && index + 1 < words.count {
                inCommand = false
                pieces.append([])
            }
        }
        return pieces.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
    }

    private static func partLines(_ fix: String, limit: Int) -> [String] {
        guard fix.count > limit else { return [fix] }
        var lines: [String] = []
        for part in fix.split(separator: "; ", omittingEmptySubsequences: false).map(String.init) {
            if let last = lines.last, last.count + 2 + part.count <= limit {
                lines[lines.count - 1] = last + "; " + part
            } else {
                lines.append(part)
            }
        }
        return lines
    }

}

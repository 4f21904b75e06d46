extension KeyCommand {
    /// True for a command that only prints a key written into it: `echo kapso_live_…`, `printf '%s' "sk_…"`,
    /// `echo -n KEY`. Such a key sits in config.toml as plainly as `api_key = …`, which the file refuses (README,
    /// "A file that holds a key ... is refused"), so it is refused the same way (probe9 P9-1). A word holding `$` or a
    /// backquote is read from elsewhere (`echo "$ACME_KEY"`) and is fine.
    public static func printsLiteralKey(_ command: String) -> Bool {
        let words = shellWords(command).map(withoutEscapedNewlines)
        let literal = { (word: String) in !word.hasPrefix("-") && !word.contains("$") && !word.contains("`") && !word.contains("%") }
        // A word with an issued key scheme anywhere (`kapso_…`, `sk_…`): a password manager's command names an item or a
        // path (`pass show kapso/prod`, `op read op://…`, a 1Password item id, which looks random), never a key.
        if words.contains(where: { literal($0) && HistoryPolicy.hasTokenPrefix($0) }) { return true }
        // After a word that prints what follows it (`echo`, `printf`, `print`, by path too, or a here-string `<<<`),
        // wherever it stands, any key-like word of 12 characters or more (tester52 H6: `sh -c "echo KEY"`,
        // `/bin/echo KEY`, `cat <<< KEY` and `printf "KEY\n\n"` were saved while `echo KEY` was refused).
        for (index, word) in words.enumerated() where printsFollowing(word) {
            if words[(index + 1)...].contains(where: { literal($0) && $0.count >= 12 && isKeyLike($0) }) { return true }
        }
        return false
    }

    /// `echo`, `printf`, `print` (by name or path, `/bin/echo`) and a here-string's `<<<`.
    private static func printsFollowing(_ word: String) -> Bool {
        let name = word.split(separator: "/").last.map(String.init) ?? word
        return ["echo", "printf", "print"].contains(name) || word.hasPrefix("<<<")
    }

    /// `word` without trailing `\n` escapes (`printf "KEY\n\n"`).
    private static func withoutEscapedNewlines(_ word: String) -> String {
        var word = Substring(word)
        while word.hasSuffix("\\n") { word = word.dropLast(2) }
        return String(word)
    }

    /// `command` with each token-shaped word (`kapso_live_…`, `Bearer`'s token, a 20-character mix of letters and
    /// digits) replaced by `<redacted>`, for any text that shows a key command (a transcript of `profile add`).
    public static func masked(_ command: String) -> String {
        WordMasking.masked(command, splittingAt: { $0.isWhitespace || ";|&=".contains($0) }) { word in
            let bare = word.trimmingCharacters(in: "\"'")
            return HistoryPolicy.isTokenShaped(bare) || HistoryPolicy.isTokenShaped(word) ? "<redacted>" : word
        }
    }

    /// Words split on whitespace and `;|&`, quotes removed (no expansion): enough to see what a command prints.
    static func shellWords(_ command: String) -> [String] {
        command.split { $0.isWhitespace || ";|&".contains($0) }
            .map { String($0).trimmingCharacters(in: "\"'") }
            .filter { !$0.isEmpty }
    }

    /// A word of letters, digits and `_-.` with both letters and digits: shaped like a key, not like a word.
    private static func isKeyLike(_ word: String) -> Bool {
        word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && word.contains(where: \.isLetter) && word.contains(where: \.isNumber)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

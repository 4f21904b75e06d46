extension KeyCommand {
    /// True for a command that only prints a key written into it: `echo kapso_live_…`, `printf '%s' "sk_…"`,
    /// `echo -n KEY`. Such a key sits in config.toml as plainly as `api_key = …`, which the file refuses (README,
    /// "A file that holds a key ... is refused"), so it is refused the same way (probe9 P9-1). A word holding `$` or a
    /// backquote is read from elsewhere (`echo "$ACME_KEY"`) and is fine.
    public static func printsLiteralKey(_ command: String) -> Bool {
        let words = shellWords(command)
        guard let first = words.first, ["echo", "printf", "print"].contains(first) else { return false }
        return words.dropFirst().contains { word in
            !word.hasPrefix("-") && !word.contains("$") && !word.contains("`") && !word.contains("%")
                && (HistoryPolicy.isTokenShaped(word) || (word.count >= 12 && isKeyLike(word)))
        }
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

/// A flag typed with a typographic dash (em dash, en dash or minus sign, one or two) in place of `--`, as chat tools and
/// documents turn it: `—all` → `--all`, `–limit=5` → `--limit=5` (tester63 AN12; tester64b U4: read for every command
/// and every word before `--` by `Arguments`, so `logs —errors`, `webhooks —output json` and `health —output json` are
/// named too, not taken for a subcommand or an id).
public enum TypographicDash {
    /// The flags every command takes besides its own: `--output` (`Shell.takeOutput`), `--help` and its short `-h`
    /// (`Shell.helpFlags`).
    static let globalFlags = ["--output", "--help", "-h"]

    /// The flag of `flags` (or a global one) that `word` spells with a typographic dash; nil when the word does not start
    /// so or names no such flag. One letter after the dash is a short flag (`–h` → `-h`: a chat tool makes an en dash of
    /// `-h` too; session 65's fixB note). A hyphen before the typographic dash counts too (`-–limit`: tester66b X7).
    static func flag(_ word: String, flags: [String]) -> String? {
        let dashes: Set<Character> = ["\u{2014}", "\u{2013}", "\u{2212}"]
        let lead = word.prefix { dashes.contains($0) || $0 == "-" }
        guard lead.contains(where: dashes.contains) else { return nil }
        let rest = word.dropFirst(lead.count)
        guard !rest.isEmpty else { return nil }
        let flag = (rest.count == 1 ? "-" : "--") + rest
        let name = flag.split(separator: "=", maxSplits: 1).first.map(String.init) ?? flag
        return flags.contains(name) || globalFlags.contains(name) ? flag : nil
    }

    /// The one-line error for `word`, given to `command`, when it is such a flag; else nil.
    static func error(_ word: String, command: String, flags: [String]) -> ShellError? {
        problem(word, flags: flags).map { .syntax("\(command): " + $0) }
    }

    /// `'–h' starts with a typographic dash (what chat tools and documents make of '-'); type '-h'` when `word` spells
    /// one of `flags` (or a global one) so; else nil. kops's own command line says it of its options too (tester66b X7:
    /// `kops –h` was an "unknown subcommand").
    public static func problem(_ word: String, flags: [String]) -> String? {
        flag(word, flags: flags).map {
            let typed = $0.hasPrefix("--") ? "--" : "-"
            return "'\(Shortened.text(word))' starts with a typographic dash (what chat tools and documents make of '\(typed)'); type '\($0)'"
        }
    }
}

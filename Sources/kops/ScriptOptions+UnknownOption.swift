import KapsoDiagnostics
import KopsShell

extension ScriptOptions {
    /// kops's own long options, as `kops --help` lists them.
    static let longOptions = [
        "--profile", "--base-url", "--output", "--demo", "--timeout", "--no-color", "--verbose", "--var", "--allow-writes",
        "--record", "--update", "--force", "--version", "--help",
    ]

    /// The verbs whose word after them is a file: `kops run FILE.kops`, `kops check FILE.md`, `kops bundle [FILE.md]`.
    static let fileVerbs: Set<String> = ["run", "check", "bundle"]

    /// `words` (kops's own flags taken out) with the `--` that ends kops's options taken out, for a file verb: the words
    /// after it are files, whatever they start with (`kops check -- -x.md`, as `ls -- -x.md`; probe38 P38-15 said
    /// "unknown option '--'"). Other words keep it: a shell command's `--` is the command's own.
    static func fileWords(_ words: [String]) -> [String] {
        guard let verb = words.first, fileVerbs.contains(verb), let end = words.firstIndex(of: "--") else { return words }
        var words = words
        words.remove(at: end)
        return words
    }

    /// The words that may be options: all of them, or for a file verb those before its `--`.
    static func optionWords(_ words: [String]) -> ArraySlice<String> {
        guard let verb = words.first, fileVerbs.contains(verb), let end = words.firstIndex(of: "--") else { return words[...] }
        return words[..<end]
    }

    /// `unknown option '--no-colour'; did you mean '--no-color'?`, as the shell says it of a command (probe34 P34-10);
    /// without a close one (or for a short option), where kops's options are listed. After a file verb (`words`), a
    /// word that reads as a file name (`kops check -x.md`, one kops itself may have recorded: `record -x.md`) is told
    /// how to name it (probe38 P38-15).
    static func unknownOptionLine(_ option: String, words: [String] = []) -> String {
        let name = String(option.prefix { $0 != "=" })
        let close = name.hasPrefix("--") ? Suggestion.closest(to: name, in: longOptions) : nil
        if close == nil, let verb = words.first, fileVerbs.contains(verb),
            option.contains(".") || option.contains("/") || words.count == 2
        {
            let file = ShellWord.quoted(option)
            return "unknown option '\(option)'; to name a file starting with '-', write ./\(file) or use -- (kops \(verb) -- \(file))"
        }
        return "unknown option '\(option)'; " + Suggestion.advice(close, otherwise: "'kops --help' lists kops's own options")
    }
}

internal import KapsoDiagnostics

/// A shell's pipe or redirection typed as a bare word of a kops command (`explain 131047 | grep retry`,
/// `whois 100200300400501 > out.txt`), which kops does not do: one rule for every command, before any reads its words.
///
/// Before, most commands said "unexpected argument '|'", `explain` read the rest as pasted error text and ran, and
/// `whois` joined the words into an id it then could not read (probe27 P27-15). A quoted `'>'` is text, not an operator;
/// `assert` and `capture` take `|`, `<` and `>` as their own syntax (`assert .data | length > 0`).
public struct ShellOperatorError: KopsError, Equatable {
    /// The command the operator followed, e.g. `explain`.
    public var command: String
    /// The operator as typed: `|`, `>`, `>>`, `<`, `2>`, `&>`, `2>&1`, `&&`, `&` (of a glued `>out.txt`, the `>`).
    public var symbol: String
    /// The words before it, as they would go into `kops -c '…'`.
    public var before: [String]
    /// The words after it (the shell's side: `grep retry`, `out.txt`; a glued file name first).
    public var after: [String]
    /// True when the command sends or writes (`reply`): the operator is then most likely part of its text, and running
    /// the cut line from a shell would send the words before it alone (probe37 P37-20), so only quoting is offered.
    public var sends = false

    /// Operators a shell reads and kops does not.
    static let symbols: Set<String> = ["|", "||", ">", ">>", "<", "<<", "2>", "2>>", "&>", "2>&1", ">&2", "|&", "&&", "&"]
    /// Output redirections a shell also reads glued to their file (`>out.txt`, `2>/dev/null`), longest first (tester53
    /// T10: `explain 131047 >out.txt` printed on the terminal, with no file and no word). `<` is left out: a transcript's
    /// placeholder (`<message 2>`) starts with it.
    static let gluedSymbols = ["2>>", "&>", "2>", ">>", ">"]

    /// The operator `word` is or starts with (`>` of `>out.txt`), nil for none.
    static func symbol(of word: String) -> String? {
        if symbols.contains(word) { return word }
        return gluedSymbols.first { word.hasPrefix($0) && word.count > $0.count && !"&>|".contains(word.dropFirst($0.count).first ?? " ") }
    }
    /// Commands that read `|`, `<` and `>` as their own syntax.
    static let ownSyntax: Set<String> = [AssertCommand.name, CaptureCommand.name]

    /// The first bare operator among `words` of `line` (the text they were lexed from), nil when there is none. A word
    /// is bare when its first character in `line` is the operator's (not a quote or a backslash).
    static func find(in words: [Word], line: String, registry: CommandRegistry) -> ShellOperatorError? {
        guard let name = words.first?.text, !ownSyntax.contains(name) else { return nil }
        // The line's characters only when a word is an operator: most lines hold none (an array of a line's
        // characters was about 6,000 instructions a line: docs/performance.md, "Session 38").
        var lineCharacters: [Character]?
        for (index, word) in words.enumerated().dropFirst() {
            guard let symbol = symbol(of: word.text) else { continue }
            let characters = lineCharacters ?? Array(line)
            lineCharacters = characters
            let at = word.column - 1
            guard at >= 0, at < characters.count, characters[at] == word.text.first else { continue }
            // The `2>` that ends a transcript's placeholder (`trace <message 2>`) is no redirection: the command names
            // the placeholder (probe43 P43-13).
            if TranscriptMask.split(in: words.map(\.text))?.range.contains(index) == true { continue }
            let before = words[..<index].map(\.text)
            let glued = word.text == symbol ? [] : [String(word.text.dropFirst(symbol.count))]
            var error = ShellOperatorError(command: name, symbol: symbol, before: before, after: glued + words[(index + 1)...].map(\.text))
            error.sends = ScriptPolicy.wouldSend(before, registry: registry)
            return error
        }
        return nil
    }

    public var message: String {
        let list = symbol == "&&" || symbol == "&"
        if sends {
            let text = VisibleText.escaped(Shortened.text(after.joined(separator: " ")))
            let kind = symbol.hasPrefix("|") ? "pipe" : list ? "command list" : "redirection"
            return "\(command): '\(symbol)' would end the command here (a shell's \(kind)), "
                + "so '\(symbol) \(text)' would not be sent; quote the whole text (\"… \(symbol) \(text)\"); nothing was sent"
        }
        if list {
            let what = symbol == "&&" ? "joins commands in a shell" : "runs a command in the background in a shell"
            return "\(command): '\(symbol)' \(what), which kops does not do; put one command on each line or separate them "
                + "with ';' (kops runs them in order and stops at the first that fails); quote it ('\(symbol)') to mean the text"
        }
        let inner = before.map(Self.quoted).joined(separator: " ")
        let outer = inner.contains("'") ? "\"" + inner.map { "\"$`\\".contains($0) ? "\\\($0)" : "\($0)" }.joined() + "\"" : "'\(inner)'"
        let rest = after.isEmpty ? (symbol.hasPrefix("|") ? " grep …" : " FILE") : " " + after.joined(separator: " ")
        let line = "kops -c \(outer) \(symbol)\(rest)"
        let what = symbol.hasPrefix("|") ? "is a shell pipe" : "is shell redirection"
        let instead = symbol.hasPrefix("<")
            ? "to run commands from a file, use 'source FILE.kops' or kops run FILE.kops"
            : "run \(line) from your shell" + (symbol.contains(">") ? " (or 'record FILE.md' to keep a transcript)" : "")
        return "\(command): '\(symbol)' \(what), which kops does not do; \(instead); quote it ('\(symbol)') to mean the text"
    }

    public var exitStatus: ExitStatus { .usage }

    /// `word` as a POSIX shell reads it back: as is when it holds only safe characters, else in single quotes.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/:=+@%,-".contains($0)) }
        return safe ? word : "'" + word.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
    }
}

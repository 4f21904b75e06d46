/// A word of a suggested kops command, written so the kops lexer reads it back as it is, e.g.
/// `ShellWord.quoted("100 200")` → `"100 200"`, `ShellWord.command("whois", "'1002'")` → `whois "'1002'"`.
///
/// The rules are those of `KopsShell/Parsing/Lexer.swift` and `KopsShell/Script/Interpolation.swift` (this module cannot
/// import them; `ShellWordRoundTripTests` reads every quoted word back through both): a word of letters, digits and
/// `._-+=@%:/,` stays as it is; any other is put in double quotes, in which `"`, `\` and `$` are escaped (`\$` also keeps
/// `${…}` from being read as a variable) and whitespace, `;`, `'` and `#` are plain characters (probe20 P20-9: a
/// suggested `whois` of an id with a space, a quote or a `#` split, lost its quotes, or became a comment when pasted).
public enum ShellWord {
    /// `text` as one word the lexer reads back unchanged; `''`-free: the empty word is `""`.
    public static func quoted(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isPlain) { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" || scalar == "$" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// `verb` and `arguments` as one command line, each argument `quoted`: `whois "100 200"`.
    public static func command(_ verb: String, _ arguments: String...) -> String {
        ([verb] + arguments.map(quoted)).joined(separator: " ")
    }

    /// A character a plain word may hold: not whitespace, a quote, `\`, `;`, `#` (a comment at a word's start), `$`
    /// (interpolation), nor anything outside ASCII (read as typed, but kept quoted so a pasted line shows where the word ends).
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "+", "=", "@", "%", ":", "/", ",": true
        default: false
        }
    }
}

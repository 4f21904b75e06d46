/// What an editor changes in a block's prompt line that kops reads alike, so `kops check` shows the line as the file
/// does and reports no difference (tester57 AB4): spaces or tabs after it (Markdown's hard break; the shell drops them
/// before it runs the line), and `...` for the `…` of kops's own prompt (`kops(default:...0501)>`, an ASCII-only copy).
/// Anything else in the line is compared as written: a `...` in the command is what ran, and the prompt's profile and
/// number are kops's own facts.
extension TranscriptRecorder {
    /// `page` split into its prompt and command as the file writes them, when it reads as `prompt` + `shown`: the
    /// same prompt (or with `...` where kops writes `…`) and the same command once spaces and tabs after it are
    /// dropped; nil otherwise.
    static func lookAlike(_ page: String, prompt: String, shown: String) -> (prompt: String, command: String)? {
        guard let command = TranscriptParser.command(in: page) else { return nil }
        let scalars = page.unicodeScalars
        let cut = scalars.index(scalars.endIndex, offsetBy: -command.unicodeScalars.count)
        let pagePrompt = String(String.UnicodeScalarView(scalars[..<cut]))
        let ascii = prompt.split(separator: "…", omittingEmptySubsequences: false).joined(separator: "...")
        let trailing = command.reversed().prefix { $0 == " " || $0 == "\t" }.count
        guard pagePrompt == prompt || pagePrompt == ascii, command == shown || Substring(command).dropLast(trailing) == Substring(shown)
        else { return nil }
        return (pagePrompt, command)
    }
}

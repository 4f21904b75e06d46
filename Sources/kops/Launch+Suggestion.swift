import Foundation
import KapsoDiagnostics
import KopsShell

/// A word as a POSIX shell reads it back, e.g. `PosixWord.quoted("explain 131047")` → `'explain 131047'`,
/// `PosixWord.quoted("it's")` → `'it'\''s'`: a word of letters, digits and `._-+=@%:/,` stays as it is.
enum PosixWord {
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "+", "=", "@", "%", ":", "/", ",": true
            default: false
            }
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

// MARK: - Suggested command lines

extension Launch {
    /// What a suggested `kops …` line is for: `-c` (a shell command typed as kops's arguments: the `-c` values and
    /// `--allow-writes` are repeated too), or `check` (the transcript check suggests itself again, adding its own
    /// `--allow-writes` or `--update`).
    enum Suggestion {
        case commands
        case check
        /// The interactive shell (`kops` and its flags, no `-c`).
        case shell
    }

    /// The launch flags given, as shell words a suggested `kops …` line repeats so it pastes back and does the same
    /// thing (`kops --output json explain 131047` suggested `kops -c 'explain 131047'`, which printed a table): the
    /// profile, base URL, output, `--demo`, timeout, colour (not for a check), `--verbose` and `--var` values, in that order. A `--var`
    /// value shaped like a secret (one the history keeps out) is not repeated: its place says `NAME=…` to fill in. A
    /// check line repeats neither `--output` nor `--var`, which `kops check` refuses (probe27 P27-21).
    func repeatedFlags(for suggestion: Suggestion) -> [String] {
        var words: [String] = []
        if let profile { words += ["--profile", PosixWord.quoted(profile)] }
        if let baseURL { words += ["--base-url", PosixWord.quoted(baseURL)] }
        if let output, suggestion != .check { words += ["--output", PosixWord.quoted(output)] }
        if demo { words.append("--demo") }
        if timeout != 30 {
            let seconds = timeout == timeout.rounded() && abs(timeout) < 1e15 ? String(Int(timeout)) : String(timeout)
            words += ["--timeout", seconds]
        }
        // Colour changes how a shell command's output looks, not what a check finds: a check line leaves it out.
        if noColor && suggestion == .commands { words.append("--no-color") }
        if verbose { words.append("--verbose") }
        for variable in script.variables where suggestion != .check {
            let name = variable.split(separator: "=", maxSplits: 1).first.map(String.init) ?? variable
            words += ["--var", HistoryPolicy.allows(variable) ? PosixWord.quoted(variable) : PosixWord.quoted(name + "=") + "…"]
        }
        if suggestion == .commands {
            if script.allowWrites { words.append("--allow-writes") }
            for command in commands { words += ["-c", PosixWord.quoted(command)] }
        }
        return words
    }

    /// `kops` and `repeatedFlags(for:)`: the start of a suggested command line, e.g. `kops --profile acme`.
    func suggestionPrefix(for suggestion: Suggestion) -> String {
        (["kops"] + repeatedFlags(for: suggestion)).joined(separator: " ")
    }

    /// For shell command words given as kops's arguments (`kops --output json explain 131047`): the one line that
    /// says to run them with `-c`, flags kept (`kops --output json -c 'explain 131047'`); nil for other words.
    func shellCommandAdvice() -> String? {
        guard let verb = script.words.first, !["run", "check", "bundle"].contains(verb),
            CommandRegistry.standard.names.contains(verb)
        else { return nil }
        // Each word as the kops lexer reads it back, the line as the login shell does.
        let line = script.words.map(ShellWord.quoted).joined(separator: " ")
        // Typed as kops's arguments, a write was meant to run: its -c line needs --allow-writes, or it is refused
        // (session 26: `kops webhooks delete X --yes` was told to run a line that lost --yes and could not delete).
        var launch = self
        if ScriptPolicy.isWrite(script.words, registry: .standard) { launch.script.allowWrites = true }
        let prefix = launch.suggestionPrefix(for: .commands)
        let shell = (["kops"] + repeatedFlags(for: .shell)).joined(separator: " ")
        return "'\(verb)' is a shell command: run it with \(prefix) -c \(PosixWord.quoted(line)), or type it in the shell ('\(shell)')"
    }
}

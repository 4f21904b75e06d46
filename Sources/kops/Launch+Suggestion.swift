import Foundation
import KapsoDiagnostics
import KopsShell

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
        Renderer.joined(["kops"] + repeatedFlags(for: suggestion), separator: " ")
    }

    /// For shell command words given as kops's arguments (`kops --output json explain 131047`): the one line that
    /// says to run them with `-c`, flags kept (`kops --output json -c 'explain 131047'`); nil for other words.
    ///
    /// The `-c` line suggested runs as typed (session 33): `--allow-writes` for a write and for a delivery that may go
    /// off this machine (`webhooks probe`, `webhooks fire --to`), `--yes` for a delete, which `-c` cannot ask about
    /// (said, so no one deletes unawares); words the shell would refuse (`webhooks delete x --yes`: no UUID) get that
    /// error instead of a line that would fail.
    func shellCommandAdvice() -> String? {
        guard let advice = unmaskedShellCommandAdvice() else { return nil }
        // The advice goes to standard error, a CI or cron log: the words' secrets (`--secret`, `--secret-key`, `set
        // api_key …`, a URL's password) are masked there as on every sink, and the line says how to give them
        // instead (probe38 P38-13).
        var redactor = Redactor()
        redactor.learn(arguments: script.words)
        let line = script.words.map(ShellWord.quoted).joined(separator: " ")
        redactor.learn(secretsTypedIn: line)
        if script.words.first == "set", script.words.count > 2 {
            redactor.learn(variable: script.words[1], value: script.words.dropFirst(2).joined(separator: " "))
        }
        // The typed line's secret flag values and `set` values, as a transcript shows them.
        let masked = redactor.redact(commandLine: line)
        var shown = advice
        if masked != line { shown = shown.replacingOccurrences(of: PosixWord.quoted(line), with: PosixWord.quoted(masked)) }
        shown = redactor.redact(shown)
        guard shown != advice else { return advice }
        return shown + "; put the secret where it says <redacted> from an environment variable (${env:NAME} in the -c line, "
            + "or --secret-env NAME where the command takes it), not on a command line"
    }

    /// `shellCommandAdvice()` with the words as typed, secrets included.
    private func unmaskedShellCommandAdvice() -> String? {
        guard let verb = script.words.first, !["run", "check", "bundle"].contains(verb),
            CommandRegistry.standard.names.contains(verb)
        else { return nil }
        var words = script.words
        let command = try? CommandRegistry.standard.command(named: verb)
        let subcommand = command.flatMap { try? Arguments(command: $0, words: Array(words.dropFirst())) }?.positionals.first
        let delete = command?.name == WebhooksCommand.name && subcommand == "delete" && !words.contains("--yes")
        if delete { words.append("--yes") }
        // Each word as the kops lexer reads it back, the line as the login shell does.
        let line = words.map(ShellWord.quoted).joined(separator: " ")
        let shell = (["kops"] + repeatedFlags(for: .shell)).joined(separator: " ")
        let check = ScriptCheck(
            lines: [ScriptLine(.command(line), number: 1)], registry: .standard,
            variables: Set(script.variables.map { String($0.prefix { $0 != "=" }) }), environment: ProcessEnvironment.variables)
        if let problem = check.problem {
            let reason = VisibleText.escaped(ErrorReport(problem.error).message)
            return "'\(verb)' is a shell command, and as typed the shell refuses it too (\(reason)); correct it, then type it "
                + "in the shell ('\(shell)') or run it with kops -c"
        }
        // Typed as kops's arguments, a write was meant to run: its -c line needs --allow-writes, or it is refused
        // (session 26: `kops webhooks delete X --yes` was told to run a line that lost --yes and could not delete).
        var launch = self
        let probe = command?.name == WebhooksCommand.name && subcommand == "probe"
        if probe || ScriptPolicy.isWrite(words, registry: .standard) || ScriptPolicy.sendsOffMachine(words, registry: .standard) {
            launch.script.allowWrites = true
        }
        let prefix = launch.suggestionPrefix(for: .commands)
        let asks = delete ? " (--yes: it deletes without asking)" : ""
        let shellAsks = delete ? ", which asks first" : ""
        return "'\(verb)' is a shell command: run it with \(prefix) -c \(PosixWord.quoted(line))\(asks), or type it in the shell "
            + "('\(shell)')\(shellAsks)"
    }
}

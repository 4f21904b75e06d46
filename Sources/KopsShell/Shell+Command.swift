internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension Shell {
    /// Runs one command given as words, printing its result or its error.
    @discardableResult
    public func run(words: [String]) -> ExitStatus {
        run(words: words, literalHome: [])
    }

    /// `run(words:)`, where the words at the offsets in `literalHome` start with a `~` that names no home folder (it was
    /// quoted: `Word.startsWithLiteralTilde`), so a path they give is read as typed, a folder named `~` (as `sh` reads
    /// `'~/x'`).
    @discardableResult
    func run(words: [String], literalHome: Set<Int>) -> ExitStatus {
        guard let name = words.first else { return .ok }
        if Self.asksForHelp(words) {
            // `help webhooks -h` is `help webhooks`; `help -h` is help's own page.
            let rest = name == "help" ? words.dropFirst().filter { !Self.helpFlags.contains($0) } : [name]
            return run(words: ["help"] + (rest.isEmpty ? ["help"] : rest))
        }
        defer { outputOverride = nil }
        // Before any check: a secret given with a flag is known to every sink even when the line is refused (a
        // `--headers` value that is not JSON, a bad flag after `--secret-key`: probe18 P18-6).
        redactor.learn(arguments: words)
        // A secret read from the environment (`verify --secret-env WH`) is as secret as one typed (probe24 P24-11).
        for value in WebhookSecretFlags.environmentSecrets(in: words, context: context) {
            redactor.remember(secret: value)
            redactor.remember(signing: [value])
        }
        do {
            let command = try context.registry.command(named: name)
            let typed = words
            var words = words
            var literalHome = literalHome
            outputOverride = try Self.takeOutput(from: &words, literalHome: &literalHome, command: command)
            var arguments = try UnquotedPath.arguments(
                of: command, words: Array(words.dropFirst()), literalHome: Set(literalHome.filter { $0 > 0 }.map { $0 - 1 }),
                folder: scriptFolder)
            try command.validate(arguments)
            try Self.refuseBlankPaths(arguments, of: command)
            arguments = try Self.resolvingPaths(arguments, of: command, in: scriptFolder, home: context.environment["HOME"])
            // After the usage check: a bad value is named first, not hidden behind "run with --allow-writes" that
            // could not help (`webhooks fire … --to ftp://x`).
            // Unless `--output` was taken out, `command` and `arguments` are what the policy would read from `typed`.
            // Words a `#` cut off would be missing from what is sent, without a word (probe34 P34-7: `reply Your order
            // #1042 is ready` sent "Your order"); a dry run shows what would be sent, so it is refused the same way.
            if let cutByComment, ScriptPolicy.isWrite(typed.filter { $0 != "--dry-run" }, command: command, arguments: arguments)
                || ScriptPolicy.sendsOffMachine(typed, registry: context.registry)
            {
                throw CommentCutError(command: command.name, comment: cutByComment)
            }
            if readOnly || context.leftDemoSimulator,
                (typed.count == words.count
                    ? ScriptPolicy.isWrite(typed, command: command, arguments: arguments)
                    : ScriptPolicy.isWrite(typed, registry: context.registry))
            {
                throw ScriptError.writeRefused(command: ScriptPolicy.label(typed))
            }
            if context.offMachineNeedsPermission, ScriptPolicy.sendsOffMachine(typed, registry: context.registry) {
                throw ScriptError.sendOffMachineRefused(command: ScriptPolicy.label(typed))
            }
            if command.sendsRequests(arguments) { try context.needsKey() }
            let result = try command.run(arguments, in: context)
            redactor.learn(from: result.json)
            renderer.mode = outputOverride ?? context.session.output
            // The JSON is redacted once: `assert` and `capture` read it, JSON mode prints it, a recording learns from it.
            let keepsResult = command.keepsLastResult
            var redacted = result
            if renderer.mode == .json || (keepsResult && recorder != nil) {
                redacted.json = result.json.map(redactor.redact)
                if keepsResult {
                    context.keepLastResult(redacted: redacted, unredacted: result.json, command: ScriptPolicy.label(typed))
                }
            } else if keepsResult {
                // Not printed here (other modes render the blocks): redacted when `assert` or `capture` reads it.
                context.keepLastResult(result, redactingWith: redactor, command: ScriptPolicy.label(typed))
                redacted.json = nil
            }
            context.ids.harvest(command: command.name, json: result.json)
            show(redacted, jsonRedacted: true, unredactedJSON: result.revealedSecret == nil ? nil : result.json)
            if result.status != .ok {
                verdictFailure = ScriptPolicy.label(typed) + ": " + (result.failure ?? "its result is a failure (shown above)")
            }
            return reportOutputFailure() ?? result.status
        } catch {
            // A failed command leaves no result: `capture`/`assert` after it must not read the result of the line
            // before (probe11 P11-14's live twin).
            context.forgetLastResult(afterFailed: [words])
            // Stopped because its output could not be written: that is the error, not the cancelled request.
            // `trace <message 1>`: a placeholder the lexer split is named as one (probe43 P43-13).
            return reportOutputFailure() ?? report(ShellError.naming(splitMaskIn: words, in: error))
        }
    }

    /// Standard output's failure as this command's outcome (`OutputError`, said once), nil while output is fine. The
    /// stop it raised (`ShellContext.stopCommand`) is spent here, so it does not read as Ctrl-C after the command.
    private func reportOutputFailure() -> ExitStatus? {
        guard let reason = output.outputFailure else { return nil }
        _ = context.interrupted()
        guard !reportedOutputFailure else { return .outputFailed }
        reportedOutputFailure = true
        return report(OutputError(reason: reason))
    }

    /// `arguments` with each file path `command` names (`Command.filePaths`) made usable: a leading `~` is the home
    /// folder everywhere (`record ~/notes.md`, `listen --save ~/caps`: probe34 P34-11 made a folder named `~`), and a
    /// relative path is read from `folder`, the running script's: in a script, `verify --file body.json`, `record
    /// out.md`, `bundle b.md`, `replay saved/` and `listen --save dir/` mean the files beside the script, as `source`
    /// does and psql's `\ir` (relative to the including script), whatever the current directory. At the prompt, in `-c`
    /// and piped input (`folder` nil) relative paths are as typed. Throws `HomeFolderError` for a `~` path without a
    /// `home`.
    static func resolvingPaths(_ arguments: Arguments, of command: any Command.Type, in folder: String?, home: String?) throws(HomeFolderError)
        -> Arguments
    {
        func resolved(_ path: String, literal: Bool) throws(HomeFolderError) -> String {
            // A quoted `'~/x'` is a folder named `~`, read as any relative path (as `sh` reads it).
            if !literal, LocalPath.startsAtHome(path) { return try HomeFolderError.expanding(path, home: home) }
            guard let folder, !path.isEmpty, !LocalPath.isAbsolute(path), literal || !path.hasPrefix("~") else { return path }
            return ScriptRunner.absolute(path, in: folder)
        }
        var arguments = arguments
        let paths = command.filePaths(arguments)
        for index in paths.positionals where index < arguments.positionals.count {
            arguments.positionals[index] = try resolved(
                arguments.positionals[index], literal: arguments.literalHome.positionals.contains(index))
        }
        for flag in paths.flags {
            if let value = arguments.values[flag] {
                arguments.values[flag] = try resolved(value, literal: arguments.literalHome.flags.contains(flag))
            }
        }
        return arguments
    }

    /// Refuses a file path `command` names (`Command.filePaths`) that is empty or only white space: as a name it makes
    /// a file no one can see in a listing (probe38 P38-15: `record "   "` recorded to a file named three spaces), as a
    /// path it is the current folder. Throws `ShellError.blankFileName`.
    static func refuseBlankPaths(_ arguments: Arguments, of command: any Command.Type) throws(ShellError) {
        let paths = command.filePaths(arguments)
        let given = paths.positionals.filter { $0 < arguments.positionals.count }.map { (nil as String?, arguments.positionals[$0]) }
            + paths.flags.compactMap { flag in arguments.values[flag].map { (flag as String?, $0) } }
        for (flag, value) in given where value.allSatisfy(\.isWhitespace) {
            throw .blankFileName(command: command.name, flag: flag, value: value, usage: command.usage)
        }
    }

    /// `--output MODE` (or `--output=MODE`) for this command only: removed from the words unless the command
    /// takes the flag itself (it then also reads it, e.g. for NDJSON), checked either way.
    static func takeOutput(from words: inout [String], command: any Command.Type) throws(ShellError) -> OutputMode? {
        var offsets = Set<Int>()
        return try takeOutput(from: &words, literalHome: &offsets, command: command)
    }

    /// `takeOutput(from:command:)`, with `literalHome` (offsets into `words`) moved as the words it removes move the rest.
    static func takeOutput(from words: inout [String], literalHome: inout Set<Int>, command: any Command.Type) throws(ShellError)
        -> OutputMode?
    {
        let end = words.firstIndex(of: "--") ?? words.endIndex
        guard let index = words[..<end].firstIndex(where: { $0 == "--output" || $0.hasPrefix("--output=") }) else { return nil }
        let inline = words[index].hasPrefix("--output=")
        guard inline || index + 1 < end else {
            throw .missingArgument(command: command.name, what: "value for --output (table|json|expanded)", usage: command.usage)
        }
        let value = inline ? String(words[index].dropFirst("--output=".count)) : words[index + 1]
        guard let mode = OutputMode(rawValue: value) else {
            throw .invalidValue(command: command.name, what: "value for --output", value: value, expected: "'table', 'json', 'expanded' or 'auto'")
        }
        if !command.flags.contains(where: { $0.name == "--output" }) {
            let removed = index...(inline ? index : index + 1)
            words.removeSubrange(removed)
            literalHome = Set(literalHome.compactMap { $0 < removed.lowerBound ? $0 : $0 > removed.upperBound ? $0 - removed.count : nil })
        }
        return mode
    }

    /// The words that ask for a command's page instead of running it.
    static let helpFlags: Set<String> = ["--help", "-h"]

    /// True when a command's words ask for its page (`webhooks create --help`): `-h` is `--help`, as in most
    /// command-line tools (probe34 P34-10: `numbers -h` was an unknown argument).
    static func asksForHelp(_ words: [String]) -> Bool {
        words.count > 1 && words.dropFirst().contains(where: helpFlags.contains)
    }
}

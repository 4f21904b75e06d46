/// `source FILE.kops [--allow-writes]`: runs a script's lines in this session.
public enum SourceCommand: ScriptCommand {
    public static let name = "source"
    public static let summary = "run the commands of a .kops script in this session"
    public static let sendsRequests = false
    public static let usage = "source FILE.kops [--allow-writes]"
    public static let details = """
        Stops at the first failing line unless the script says 'set on_error continue'; a 'set on_error'
        in the script ends with it (the script that sources it keeps its own).
        Inside a script, a relative FILE is read from that script's folder (as psql's \\ir, not bash's
        source), so a playbook finds the scripts beside it from any directory; at the prompt, from the
        current directory.
        Commands that change data (webhooks create/update/delete/test, reply) need --allow-writes, which a
        script run with --allow-writes (kops run, source) gives the scripts it sources.
        Example:
          source scripts/webhook-not-firing.kops
        """
    public static let maxArguments: Int? = 1
    public static let flags = [FlagSpec("--allow-writes", help: "let the script run commands that change data")]
    /// How deep scripts may source scripts (8): enough for preludes, and a script that sources itself stops.
    public static let maxDepth = 8

    public static func validate(_ arguments: Arguments) throws {
        let path = try arguments.required(0, "script file")
        // Not a `filePaths` command (it reads the path from the script's folder itself): refused as those are.
        if path.allSatisfy(\.isWhitespace) { throw ShellError.blankFileName(command: name, flag: nil, value: path, usage: usage) }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        // A quoted `'~/s.kops'` is a folder named `~` (`Word.literalTildes`), as `sh` reads it.
        let typed = try arguments.required(0, "script file")
        let path = arguments.literalHome.positionals.contains(0) ? typed : try HomeFolderError.expanding(typed, home: context.environment["HOME"])
        guard let shell = context.shell else { return CommandResult() }
        let folder = shell.scriptFolder
        guard !shell.runningScripts.contains(ScriptRunner.identity(of: ScriptRunner.absolute(path, in: folder))) else {
            throw ScriptError.sourceLoop(path: path)
        }
        guard shell.runningScripts.count < maxDepth else { throw ScriptError.sourceTooDeep(path: path, limit: maxDepth) }
        let script = try ScriptRunner.load(
            path: path, relativeTo: folder, allowWrites: arguments.has("--allow-writes") || shell.writesAllowed)
        // The sourced script's `set on_error` ends with it: the caller keeps its own policy (probe42 P42-1: a playbook's
        // `set on_error continue` let its caller run on past the playbook's failures, into a write).
        let callersPolicy = shell.context.session.variables["on_error"]
        let outcome = script.run(on: shell)
        shell.context.session.variables["on_error"] = callersPolicy
        if shell.cancelledAt != nil {
            var result = CommandResult()
            result.status = .failure
            return result
        }
        if let line = outcome.failedLine {
            // A script that ran to its end under `set on_error continue` did not stop (probe14 P14-7).
            guard outcome.stopped else {
                throw ScriptError.sourcedScriptLinesFailed(path: path, lines: outcome.failedLines, status: outcome.status)
            }
            throw ScriptError.sourcedScriptFailed(path: path, line: line, nothingRan: outcome.commands == 0, status: outcome.status)
        }
        return CommandResult(blocks: [.hint(outcome.summary)])
    }
}

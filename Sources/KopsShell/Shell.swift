internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// Runs command lines: lexer → registry → command → renderer → output, with the one error funnel.
public final class Shell {
    public let context: ShellContext
    public var renderer: Renderer
    public let output: any OutputSink
    /// Applied to everything shown; knows the session's API key. A secret learned after it was written somewhere
    /// (a `set` line recorded before `verify --secret ${ms}` named it a secret: probe14 P14-4) is redacted there too.
    public var redactor: Redactor {
        didSet {
            let before = secretsBefore
            secretsBefore = redactor.knownSecrets
            guard redactor.knownSecrets.count > before.count else { return }
            let known = Set(before.map(\.revealed))
            let learned = redactor.knownSecrets.map(\.revealed).filter { !known.contains($0) }
            guard !learned.isEmpty else { return }
            recorder?.redactRecorded(learned)
            for stopped in stoppedRecordings { stopped.redactRecorded(learned) }
            context.secretsLearned?(learned)
        }
    }
    /// `redactor.knownSecrets` as its last change left them: what `redactor`'s `didSet` compares with. Its `oldValue`
    /// would be a copy of the redactor taken before every change, which made each change copy the redactor's state.
    private var secretsBefore: [Secret]
    /// The words typed that look like a secret, masked in every error line (`TypedTokens`, `errorText`).
    var typedTokens = TypedTokens()
    /// `FILE.kops:LINE` of the script line running: prefixes errors on the terminal, not in transcripts.
    public var location: String?
    /// True while a script runs a line under a `#! error` marker: its error is said as `expected error:` on the terminal
    /// (a CI log grepped for `error:` does not flag it); transcripts keep the command's own `error:` line.
    public var expectingFailure = false
    /// True while a script runs without `--allow-writes`: commands that change data are refused. Kept on the
    /// context, so a command that learns its target only once fetched (`webhooks probe`) can refuse too.
    public var readOnly: Bool {
        get { context.readOnly }
        set { context.readOnly = newValue }
    }
    /// `FILE:LINE` where Ctrl-C stopped the running script (shown once as `cancelled at FILE:LINE`), nil otherwise.
    public var cancelledAt: String?
    /// The scripts running now, outermost first (`kops run`, `source`), as absolute paths when they resolve:
    /// `source` refuses one that is already running (a loop) and nesting past its limit.
    public var runningScripts: [String] = []
    /// The folder of the script file running now, as an absolute path (nil at the prompt, for `-c` and piped lines): a
    /// relative `source` path inside a script is read from there (probe18 P18-25).
    public var scriptFolder: String?
    /// True while a script given `--allow-writes` runs (`kops run`, `-c`, piped lines, `source … --allow-writes`): a
    /// script it sources may change data too, without a flag of its own (probe18 P18-30).
    public var writesAllowed = false
    /// The transcript being recorded: gets each line and what the terminal shows.
    public var recorder: TranscriptRecorder?
    /// The recordings this session ended with `record stop`, oldest first: `bundle` holds the newest when nothing is
    /// being recorded, and replaces none of them (probe33 P33-7: `bundle t.md --force` after `record stop` replaced the
    /// recording t.md with a bundle that lacked it).
    public var stoppedRecordings: [TranscriptRecorder] = []
    /// The last error shown through `report`, as reworded there (a 401 as `CredentialError.rejected`): `kops check`
    /// reads it to stop at a failure of where it replays (no key, key rejected, API unreachable), which the
    /// transcript does not hold.
    var lastReported: (any Error)?
    /// Command lines running (a `source`d script's lines run inside the `source` line).
    private(set) var lineDepth = 0
    /// The commands started so far by the lines of each depth (`lineDepth` while they run): what a script counts as its
    /// commands, each of a `;` line's (`ScriptRunner`), a `source`d script's not among its `source` line's.
    private(set) var commandsStarted: [Int: Int] = [:]
    /// True once `report` said that the line running was refused for a secret it holds (`SecretWouldLeave`, an
    /// access token or webhook secret given as an id): the loop takes that line back from the history (tester62 AK3).
    var refusedForSecret = false
    /// How many errors `report` has said: a script line that failed while it stayed the same failed by its result.
    public internal(set) var reportsSaid = 0
    /// The last command whose result failed without an error, and why (`health: 100200300400502 is degraded (…)`,
    /// `CommandResult.failure`): a script names its line with `FILE:LINE` (`sayVerdictFailure`).
    public internal(set) var verdictFailure: String?
    /// The word a comment dropped from the end of the command running (`#100200300400501`, `Lexer.droppedWord`): a
    /// missing argument is then said to be that word (probe29 P29-19); nil for any other command.
    var droppedByComment: String?
    /// The whole comment those words start (`#1042 is ready`, `Lexer.droppedComment`): a command that sends or writes is
    /// refused rather than sent without it (probe34 P34-7); nil as `droppedByComment`.
    var cutByComment: String?
    /// True once standard output's failure (`OutputSink.outputFailure`) was said: it is said once, by the command that
    /// hit it, and every line after it fails without a word (probe20 P20-1).
    public internal(set) var reportedOutputFailure = false

    /// The terminal's width now, read before each render so a resized terminal is honoured; nil keeps the
    /// renderer's width (tests, pipes).
    public var terminalWidth: (() -> Int?)?
    /// The width of the terminal on standard error now, where errors and hints go, nil when standard error is no
    /// terminal (then they are written as one line each, whatever standard output is); without it, errors and hints
    /// follow `terminalWidth` (tests).
    public var errorWidth: (() -> Int?)?
    /// The mode of this command's `--output`, which every command that prints a result takes.
    var outputOverride: OutputMode?

    public init(context: ShellContext, renderer: Renderer, output: any OutputSink) {
        self.context = context
        self.renderer = renderer
        self.output = output
        let redactor = Redactor(knownSecrets: [context.client.apiKey])
        self.redactor = redactor
        secretsBefore = redactor.knownSecrets
        context.shell = self
        context.emit = { [unowned self] result in
            self.renderer.mode = self.outputOverride ?? self.context.session.output
            self.show(result)
        }
    }

    /// Runs every `;`-separated command of a line, stopping at the first failure; returns its status.
    @discardableResult
    public func run(line: String) -> ExitStatus {
        do {
            try ScriptCheck.checkLength(line)
        } catch {
            return report(error)
        }
        let status = runCommands(line: line)
        // The closing fence is written when the line ends, so a write that failed there is said here.
        guard lineDepth == 0, let failed = endFailedRecording() else { return status }
        return max(status, failed)
    }

    /// A recording whose file could not be written (a full disk: probe16 P16-5) ends with one error, said once: the
    /// shell stops recording and the line fails, so a script stops at it and `run --record` does not end "0 failed".
    private func endFailedRecording() -> ExitStatus? {
        guard let recorder, let failure = recorder.writeFailure, case .file(let path) = recorder.destination else { return nil }
        self.recorder = nil
        recorder.releaseFile()
        if recorder.replaced { return report(TranscriptReplacedError(path: path, moved: recorder.moved)) }
        return report(ScriptError.transcriptIncomplete(path: path, reason: failure))
    }

    private func runCommands(line: String) -> ExitStatus {
        // Before the line is expanded, checked, shown or recorded: a secret-named `${env:NAME}`'s value is a secret.
        redactor.learn(environmentReferencesIn: line, environment: context.environment)
        let expanded = Result { [context] in
            try Interpolation.expand(line, variables: context.session.variables, environment: context.environment)
        }
        // `${NAME}` that a command before it on the line sets: each command is read when it runs, as `-c` reads it (P46-3).
        if let status = runReadWhenTheyRun(line, expanded: expanded) { return status }
        if lineDepth == 0 { context.beforeCommandLine?() }
        lineDepth += 1
        defer { lineDepth -= 1 }
        // Transcripts show the line as it ran, so `kops check` replays it without the variables.
        let ran = Shell.withoutTrailingWhitespace((try? expanded.get()) ?? line)
        redactor.learn(secretsTypedIn: ran)
        typedTokens.note(ran)
        // A line of only whitespace runs nothing and records nothing, as an empty one (probe22 P22-12).
        var block = ran.isEmpty ? nil : recorder
        block?.begin(
            prompt: context.session.prompt, line: redactor.redact(commandLine: ran))
        if lineDepth == 1 { lastReported = nil }
        let presses = context.stoppingPresses
        defer {
            // Stopped with Ctrl-C but not by a `cancelled` error (which says so in its block): what it printed is
            // partial, which the block must say (probe16 P16-6). `listen` and a follow end at Ctrl-C by design.
            if lineDepth == 1, let block, context.stoppingPresses > presses, !ErrorReport.isCancellation(lastReported),
                !Shell.endsAtCtrlC(ran)
            {
                block.markInterrupted()
            }
            block?.end()
        }
        let commands: [[Word]]
        do {
            commands = try Lexer.commands(in: try expanded.get())
        } catch {
            // Unlexed (an unclosed quote) or not interpolated (an unset variable): refused as a script's check refuses it.
            context.forgetLastResult(afterFailed: Shell.commandWords((try? Lexer.commands(in: ran)) ?? [], line: ran))
            if let error = error as? LexerError { return report(ShellError.syntax(error.message)) }
            return report(error)
        }
        // Several commands: the line is checked whole before any of it runs, as a script's and `-c`'s are, so `reply
        // Good news; tax included` no longer sends "Good news" and then fails on `tax` (probe36 P36-5, probe37 P37-18).
        if commands.count > 1, let text = try? expanded.get() {
            for index in commands.indices {
                let words = commands[index].map(\.text)
                redactor.learn(arguments: words)
                do {
                    _ = try ScriptCheck.check(
                        at: index, of: commands, in: text, registry: context.registry, validating: !Shell.asksForHelp(words))
                } catch {
                    let status = report(error)
                    markWriteNotAccepted(block, commands: commands[...])
                    context.forgetLastResult(afterFailed: Shell.commandWords(commands, line: ran))
                    return status
                }
            }
        }
        // Only the last command of the line is followed by its comment.
        let dropped = Lexer.droppedWord(in: (try? expanded.get()) ?? line)
        let cut = Lexer.droppedComment(in: (try? expanded.get()) ?? line)
        for (index, words) in commands.enumerated() {
            // `| grep`, `> out.txt`: a shell's operator, which no command may read as its words (probe27 P27-15).
            if let misread = ShellOperatorError.find(in: words, line: (try? expanded.get()) ?? line, registry: context.registry) {
                let status = report(misread)
                markWriteNotAccepted(block, commands: commands[index...])
                context.forgetLastResult(afterFailed: Shell.commandWords(Array(commands[index...]), line: ran))
                return status
            }
            let outer = (droppedByComment, cutByComment)
            (droppedByComment, cutByComment) = index == commands.count - 1 ? (dropped, cut) : (nil, nil)
            let literalHome = Set(words.indices.filter { words[$0].startsWithLiteralTilde })
            commandsStarted[lineDepth, default: 0] += 1
            let status = run(words: words.map(\.text), literalHome: literalHome)
            (droppedByComment, cutByComment) = outer
            if let failed = endFailedRecording() { return max(status, failed) }
            if status != .ok { markWriteNotAccepted(block, commands: commands[index...]) }
            if status != .ok || context.exitRequested { return status }
            // Ctrl-C stopped something the command went on without (a look-up whose answer it then lacked): what it
            // printed may be partial, so nothing after it on the line or in the script runs (probe22 P22-9: `health`
            // said "none fails now" of deliveries it never read, and the script went on to exit 0). `listen` and a
            // follow end at Ctrl-C by design: at the prompt that is all it does, but in a script (`run`, `source`, `-c`,
            // piped lines: a `location`) the press stops the script there too, as a shell's SIGINT does (probe38
            // P38-4: the script ran on to a `webhooks update` and exited 0).
            if context.stoppingPresses > presses, location != nil || !Shell.endsAtCtrlC(words.map(\.text)) {
                _ = context.interrupted()
                if let location {
                    if cancelledAt == nil {
                        cancelledAt = location
                        output.write("cancelled at \(location)\n", to: .err)
                    }
                } else {
                    output.write("stopped with Ctrl-C: what '\(words.first?.text ?? "")' showed may be incomplete\n", to: .err)
                }
                return .interrupted
            }
            // `record` mid-line (`kops -c 'record t.md; health'`): the rest of the line is recorded.
            if block == nil, let started = recorder, index + 1 < commands.count {
                let rest = String(Array(ran).dropFirst(commands[index + 1][0].column - 1))
                block = started
                started.begin(
                    prompt: context.session.prompt, line: redactor.redact(commandLine: rest))
            }
        }
        return .ok
    }

    /// Runs the `;` commands of `line` one by one, each interpolated when it runs, when the line read whole names a
    /// variable that is unset now (`expanded` failed) and a command before it on the line sets (`set NAME`, `capture …
    /// as NAME`): `set n 100200300400501; use ${n}` in the shell, piped input or a script runs as it does with `-c` (probe46
    /// P46-3: the whole line was interpolated before the `set` ran, and the error told the user to do what they did).
    /// The line is checked whole first (`ScriptCheck`, with stand-ins for those names), so a mistake anywhere on it runs
    /// none of it, as on any line of several commands (probe36 P36-5). Each piece is then its own command line, recorded
    /// with the value it ran with. Returns the status of the first piece that failed (or of the check), nil for any
    /// other line.
    private func runReadWhenTheyRun(_ line: String, expanded: Result<String, any Error>) -> ExitStatus? {
        guard case .failure(ScriptError.unsetVariable(let name, _)) = expanded,
            case let pieces = ScriptLine.commands(in: line).compactMap({ piece -> String? in
                if case .command(let text) = piece.kind { text } else { nil }
            }), pieces.count > 1,
            ScriptCheck.placeholders(in: line, assigned: [], anyName: false).values[name] != nil
        else { return nil }
        let check = ScriptCheck(
            lines: [ScriptLine(.command(line), number: 1)], registry: context.registry,
            variables: Set(context.session.variables.keys), environment: context.environment, folder: scriptFolder)
        if let problem = check.problem { return report(problem.error) }
        var status = ExitStatus.ok
        for piece in pieces where status == .ok && !context.exitRequested { status = runCommands(line: piece) }
        return status
    }

    /// Marks the block of a command line that failed at the first of `commands` (it and the ones after it on the line,
    /// which did not run) when one of them changes data: the write was refused by kops (read-only, a closed 24-hour
    /// window, a template check, recent failures), answered with an error by the API, or never ran, and `kops check`
    /// never sends it (`TranscriptRecorder.writeNotAcceptedLine`, probe40 P40-2). A line stopped with Ctrl-C is not
    /// marked (its block says so, and its request may have taken effect); nor a line of a script `source` runs, whose own
    /// line is never replayed; nor a failure by a verdict with no error said (`webhooks test` whose receiver failed: the
    /// event was sent).
    /// Fails a script line its check refused under `on_error continue` (`ScriptCheck.failsWhenRun`) with that `error`,
    /// unrun, in a block of its own as piped input records it: the prompt line, then the error (tester57 AB1: the line
    /// and its error were missing from the transcript, and in a `source` block the error stood under no prompt).
    func reportRefused(_ error: any Error, line: String) -> ExitStatus {
        let expanded = try? Interpolation.expand(line, variables: context.session.variables, environment: context.environment)
        if lineDepth == 0 { context.beforeCommandLine?() }
        lineDepth += 1
        defer { lineDepth -= 1 }
        let ran = Shell.withoutTrailingWhitespace(expanded ?? line)
        redactor.learn(secretsTypedIn: ran)
        typedTokens.note(ran)
        let block = ran.isEmpty ? nil : recorder
        block?.begin(prompt: context.session.prompt, line: redactor.redact(commandLine: ran))
        defer { block?.end() }
        if lineDepth == 1 { lastReported = nil }
        let status = report(error)
        let commands = (try? Lexer.commands(in: ran)) ?? []
        markWriteNotAccepted(block, commands: commands[...])
        // A refused line whose command keeps its result leaves none, as a failed one does (`Shell.run(words:)`): `assert`
        // and `capture` after it must not read the result of the line before (tester58 AD7: `messages --status faild`
        // refused under `on_error continue`, then `assert .data | length > 0` passed on `numbers`' rows). So does a line
        // whose command kops cannot name (a typo, an unclosed quote: tester58b AE3), which may have been meant to keep one.
        context.forgetLastResult(afterFailed: Shell.commandWords(commands, line: ran))
        return status
    }

    /// `commands` as words, or for a line that does not lex (none), its first blank-separated word as one command: what
    /// `ShellContext.forgetLastResult(afterFailed:)` reads.
    static func commandWords(_ commands: [[Word]], line: String) -> [[String]] {
        guard commands.isEmpty else { return commands.map { $0.map(\.text) } }
        return line.split(separator: " ").first.map { [[String($0)]] } ?? []
    }

    private func markWriteNotAccepted(_ block: TranscriptRecorder?, commands: ArraySlice<[Word]>) {
        guard lineDepth == 1, let block, let failure = lastReported, !ErrorReport.isCancellation(failure),
            commands.contains(where: { ScriptPolicy.isWrite($0.map(\.text), registry: context.registry) })
        else { return }
        block.markWriteNotAccepted()
    }

    /// `line` without the spaces and tabs after its last word when the lexer reads it the same without them (not after
    /// a backslash or inside an open quote): a transcript's prompt line and the restore file's key then survive an editor
    /// that trims trailing whitespace (probe22 P22-12). A line of only whitespace is empty.
    static func withoutTrailingWhitespace(_ line: String) -> String {
        guard let last = line.last, last == " " || last == "\t" else { return line }
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        let words = { (text: String) in (try? Lexer.commands(in: text))?.map { $0.map(\.text) } }
        guard trimmed.isEmpty || words(String(trimmed)) == words(line) else { return line }
        return String(trimmed)
    }

    /// True for a line with a command that runs until Ctrl-C stops it (`listen`, `deliveries --follow`).
    static func endsAtCtrlC(_ line: String) -> Bool {
        ((try? Lexer.commands(in: line)) ?? []).contains { endsAtCtrlC($0.map(\.text)) }
    }

    /// True for a command, as words, that runs until Ctrl-C stops it.
    static func endsAtCtrlC(_ words: [String]) -> Bool {
        words.first == ListenCommand.name || words.contains("--follow")
    }
}

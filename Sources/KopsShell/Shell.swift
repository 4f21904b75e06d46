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
            guard redactor.knownSecrets.count > oldValue.knownSecrets.count else { return }
            let known = Set(oldValue.knownSecrets.map(\.revealed))
            let learned = redactor.knownSecrets.map(\.revealed).filter { !known.contains($0) }
            guard !learned.isEmpty else { return }
            recorder?.redactRecorded(learned)
            context.secretsLearned?(learned)
        }
    }
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
    /// The last error shown through `report`, as reworded there (a 401 as `CredentialError.rejected`): `kops check`
    /// reads it to stop at a failure of where it replays (no key, key rejected, API unreachable), which the
    /// transcript does not hold.
    var lastReported: (any Error)?
    /// Command lines running (a `source`d script's lines run inside the `source` line).
    private var lineDepth = 0
    /// True once standard output's failure (`OutputSink.outputFailure`) was said: it is said once, by the command that
    /// hit it, and every line after it fails without a word (probe20 P20-1).
    public private(set) var reportedOutputFailure = false

    /// The terminal's width now, read before each render so a resized terminal is honoured; nil keeps the
    /// renderer's width (tests, pipes).
    public var terminalWidth: (() -> Int?)?
    /// The width of the terminal on standard error now, where errors and hints go, nil when standard error is no
    /// terminal (then they are written as one line each, whatever standard output is); without it, errors and hints
    /// follow `terminalWidth` (tests).
    public var errorWidth: (() -> Int?)?
    /// The mode of this command's `--output`, which every command that prints a result takes.
    private(set) var outputOverride: OutputMode?

    public init(context: ShellContext, renderer: Renderer, output: any OutputSink) {
        self.context = context
        self.renderer = renderer
        self.output = output
        redactor = Redactor(knownSecrets: [context.client.apiKey])
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
        if recorder.replaced { return report(TranscriptReplacedError(path: path, moved: recorder.moved)) }
        return report(ScriptError.transcriptIncomplete(path: path, reason: failure))
    }

    private func runCommands(line: String) -> ExitStatus {
        let expanded = Result { [context] in
            try Interpolation.expand(line, variables: context.session.variables, environment: context.environment)
        }
        if lineDepth == 0 { context.beforeCommandLine?() }
        lineDepth += 1
        defer { lineDepth -= 1 }
        // Transcripts show the line as it ran, so `kops check` replays it without the variables.
        let ran = Shell.withoutTrailingWhitespace((try? expanded.get()) ?? line)
        redactor.learn(secretsTypedIn: ran)
        // A line of only whitespace runs nothing and records nothing, as an empty one (probe22 P22-12).
        var block = ran.isEmpty ? nil : recorder
        block?.begin(
            prompt: context.session.prompt, line: redactor.redact(commandLine: ran))
        if lineDepth == 1 { lastReported = nil }
        let presses = context.interruptPresses()
        defer {
            // Stopped with Ctrl-C but not by a `cancelled` error (which says so in its block): what it printed is
            // partial, which the block must say (probe16 P16-6). `listen` and a follow end at Ctrl-C by design.
            if lineDepth == 1, let block, context.interruptPresses() > presses, !ErrorReport.isCancellation(lastReported),
                !Shell.endsAtCtrlC(ran)
            {
                block.markInterrupted()
            }
            block?.end()
        }
        let commands: [[Word]]
        do {
            commands = try Lexer.commands(in: try expanded.get())
        } catch let error as LexerError {
            return report(ShellError.syntax(error.message))
        } catch {
            return report(error)
        }
        for (index, words) in commands.enumerated() {
            let status = run(words: words.map(\.text))
            if let failed = endFailedRecording() { return max(status, failed) }
            if status != .ok || context.exitRequested { return status }
            // Ctrl-C stopped something the command went on without (a look-up whose answer it then lacked): what it
            // printed may be partial, so nothing after it on the line or in the script runs (probe22 P22-9: `health`
            // said "none fails now" of deliveries it never read, and the script went on to exit 0). `listen` and a
            // follow end at Ctrl-C by design.
            if context.interruptPresses() > presses, !Shell.endsAtCtrlC(words.map(\.text)) {
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

    /// Runs one command given as words, printing its result or its error.
    @discardableResult
    public func run(words: [String]) -> ExitStatus {
        guard let name = words.first else { return .ok }
        if words.count > 1 && words.contains("--help") && name != "help" {
            return run(words: ["help", name])
        }
        defer { outputOverride = nil }
        var resolved: (any Command.Type)?
        // Before any check: a secret given with a flag is known to every sink even when the line is refused (a
        // `--headers` value that is not JSON, a bad flag after `--secret-key`: probe18 P18-6).
        redactor.learn(arguments: words)
        // A secret read from the environment (`verify --secret-env WH`) is as secret as one typed (probe24 P24-11).
        for value in WebhookSecretFlags.environmentSecrets(in: words, context: context) { redactor.remember(secret: value) }
        do {
            let command = try context.registry.command(named: name)
            resolved = command
            let typed = words
            var words = words
            outputOverride = try Self.takeOutput(from: &words, command: command)
            var arguments = try Arguments(command: command, words: Array(words.dropFirst()))
            try command.validate(arguments)
            arguments = Self.resolvingPaths(arguments, of: command, in: scriptFolder)
            // After the usage check: a bad value is named first, not hidden behind "run with --allow-writes" that
            // could not help (`webhooks fire … --to ftp://x`).
            // Unless `--output` was taken out, `command` and `arguments` are what the policy would read from `typed`.
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
            return reportOutputFailure() ?? result.status
        } catch {
            // A command that keeps its result and failed leaves none: `capture`/`assert` after it must not read the
            // result of the line before (probe11 P11-14's live twin).
            if let resolved, resolved.keepsLastResult { context.forgetLastResult(failed: ScriptPolicy.label(words)) }
            // Stopped because its output could not be written: that is the error, not the cancelled request.
            return reportOutputFailure() ?? report(error)
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

    /// Reads and runs lines until `exit` or end of input; returns the first failure's status. With `source`
    /// (`<stdin>`), errors name `SOURCE:LINE`, Ctrl-C stops the loop, and so does the first failing line,
    /// as in a script (a failed `use` must not leave a later write aimed at the previous number), unless
    /// the input said `set on_error continue`. At a terminal (no `source`) every error was shown and it goes on.
    public func loop(reader: any LineReader, source: String? = nil) -> ExitStatus {
        var first = ExitStatus.ok
        var number = 0
        // Piped input: where a `#! error` marker waits for its command.
        var marked: String?
        cancelledAt = nil
        while !context.exitRequested && (source == nil || cancelledAt == nil) {
            // The marker shows on the terminal only; transcripts record the plain prompt.
            let prompt = context.session.prompt.dropLast(2) + (recorder == nil ? "> " : " [rec]> ")
            switch reader.readLine(prompt: String(prompt)) {
            case .endOfInput:
                // Ctrl-C while piped input was awaited ends the read (no SA_RESTART): the input was cut, not over.
                if let source, context.interrupted() {
                    cancelledAt = "\(source):\(number + 1)"
                    output.write("cancelled at \(source):\(number + 1)\n", to: .err)
                    if first != .unknownOutcome { first = .interrupted }
                }
                if let recorder, case .file(let path) = recorder.destination {
                    output.write("transcript saved to \(path)\n", to: .err)
                }
                if let marked, cancelledAt == nil, first == .ok {
                    location = marked
                    first = report(ScriptError.danglingMarker)
                }
                return first
            case .interrupted: continue
            case .notUTF8(let byte, let column):
                number += 1
                if let source { location = "\(source):\(number)" }
                let status = report(ShellError.syntax(LineInput.notUTF8Message(byte: byte, column: column)))
                if first == .ok { first = status }
                if source != nil && context.session.variables["on_error"] != "continue" { return first }
            case .line(let typed):
                number += 1
                if let source { location = "\(source):\(number)" }
                var unfinished = false
                guard let line = continued(typed, reader: reader, number: &number, unfinished: &unfinished) else {
                    guard unfinished else { continue }
                    // Nothing ran; the input is over (the next read says so again and ends the loop).
                    let status = report(ShellError.syntax(ScriptCheck.unfinishedLastLine + "; nothing ran"))
                    if first == .ok, source != nil { first = status }
                    continue
                }
                // Piped input is a script read as it comes: its markers mean what a script's do (probe22 P22-24).
                if source != nil {
                    switch pipedMarker(line, number: number, marked: &marked) {
                    case .stop(let status): return first == .ok ? status : first
                    case .skip: continue
                    case .run: break
                    }
                }
                let expecting = marked != nil
                marked = nil
                // A line too long to run (`ScriptCheck.checkLength`) is not kept in the history either.
                if (try? ScriptCheck.checkLength(line)) != nil, !line.allSatisfy(\.isWhitespace) {
                    reader.remember(line, redactor: redactor)
                    context.history.append(line)
                }
                expectingFailure = expecting
                var status = run(line: line)
                expectingFailure = false
                if expecting { status = status == .ok ? report(ScriptError.expectedFailure(line: line)) : .ok }
                // Ctrl-C stopped piped input (in a request, or between lines as in a script): 130 as for a script or
                // -c (probe20 P20-4), unless a write's outcome is unknown (75 says more).
                if let location, source != nil, cancelledAt == nil, context.interrupted() {
                    cancelledAt = location
                    output.write("cancelled at \(location)\n", to: .err)
                }
                if source != nil, cancelledAt != nil, status != .unknownOutcome { status = .interrupted }
                if status != .ok && first == .ok { first = status }
                if status != .ok && source != nil && context.session.variables["on_error"] != "continue" {
                    return first
                }
                // Standard output took no more text (said once by the line that hit it): nothing after would be seen.
                if output.outputFailure != nil { return first == .ok ? .outputFailed : first }
            }
        }
        return first
    }

    /// `line` joined with the lines that continue it, as in a script (`webhooks \` + `--scope project`, the next
    /// read at a `... ` prompt); a `\` inside a comment does not continue. Nil when Ctrl-C dropped the partial command,
    /// or the input ended (Ctrl-D at `... `, piped input that stops after a `\`): half a command is never run (probe24
    /// P24-12: `webhooks test ID \` + Ctrl-D sent the test before its `--event` was typed); `unfinished` is then set.
    private func continued(_ line: String, reader: any LineReader, number: inout Int, unfinished: inout Bool) -> String? {
        var line = line
        while ScriptLine.continues(line) {
            line = line.dropLast().trimmingWhitespace
            switch reader.readLine(prompt: "... ") {
            case .line(let more):
                number += 1
                line += " " + more.trimmingWhitespace
            case .interrupted: return nil
            case .notUTF8(let byte, let column):
                number += 1
                _ = report(ShellError.syntax(LineInput.notUTF8Message(byte: byte, column: column)))
                return nil
            case .endOfInput:
                unfinished = true
                return nil
            }
        }
        return line
    }

    /// `arguments` with each relative file path `command` names (`Command.filePaths`) read from `folder`, the running
    /// script's: in a script, `verify --file body.json`, `record out.md`, `bundle b.md`, `replay saved/` and `listen
    /// --save dir/` mean the files beside the script, as `source` does and psql's `\ir` (relative to the including
    /// script), whatever the current directory. At the prompt, in `-c` and piped input (`folder` nil) they are as typed.
    static func resolvingPaths(_ arguments: Arguments, of command: any Command.Type, in folder: String?) -> Arguments {
        guard let folder else { return arguments }
        func resolved(_ path: String) -> String {
            path.isEmpty || path.hasPrefix("/") || path.hasPrefix("~") ? path : ScriptRunner.absolute(path, in: folder)
        }
        var arguments = arguments
        let paths = command.filePaths(arguments)
        for index in paths.positionals where index < arguments.positionals.count {
            arguments.positionals[index] = resolved(arguments.positionals[index])
        }
        for flag in paths.flags {
            if let value = arguments.values[flag] { arguments.values[flag] = resolved(value) }
        }
        return arguments
    }

    /// `--output MODE` (or `--output=MODE`) for this command only: removed from the words unless the command
    /// takes the flag itself (it then also reads it, e.g. for NDJSON), checked either way.
    static func takeOutput(from words: inout [String], command: any Command.Type) throws(ShellError) -> OutputMode? {
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
            words.removeSubrange(index...(inline ? index : index + 1))
        }
        return mode
    }

    /// Prints `result` and records it. Its JSON, printed only in JSON mode, is redacted here unless the caller
    /// did (`jsonRedacted`); the rendered text is redacted once more on its way to each sink.
    /// `unredactedJSON` is the JSON of a result that reveals a secret, before redaction: in JSON mode the terminal
    /// shows that secret in clear where the table view does (probe12 P12-4); the recording still masks it.
    private func show(_ result: CommandResult, jsonRedacted: Bool = false, unredactedJSON: JSONValue? = nil) {
        if let terminalWidth { renderer.table.width = terminalWidth() }
        renderer.errorWidth = errorWidth.map { $0() } ?? renderer.table.width
        // Table cells are redacted before layout (probe22 P22-14); a revealed secret stays in clear on the terminal only.
        let page = redactor.redactingCells(result)
        var result = result.revealedSecret.map { redactor.revealing($0).redactingCells(result) } ?? page
        let unredacted = unredactedJSON ?? (jsonRedacted ? nil : result.json)
        // A piece written out already (`jsonText`) is printed instead of the JSON, which its writer redacted.
        if !jsonRedacted, renderer.mode == .json, result.jsonText == nil { result.json = result.json.map(redactor.redact) }
        if result.jsonTextCleared, renderer.mode == .json, result.revealedSecret == nil, let text = result.jsonText {
            // What `render` and `write` print for it, without their tests again: the text passed them as it is. The line
            // feed on its own: `text + "\n"` copied the page once more.
            output.write(text, to: .out)
            output.write("\n", to: .out)
        } else {
            var terminal = result
            if renderer.mode == .json, let secret = result.revealedSecret, let unredacted, result.jsonText == nil {
                terminal.json = redactor.revealing(secret).redact(unredacted)
            }
            let (out, err) = renderer.text(terminal)
            write(out, to: .out, revealing: result.revealedSecret)
            write(err, to: .err, revealing: result.revealedSecret)
        }
        // The page gets its own rendering: full width, personal data masked before layout.
        var recorded = page
        recorded.json = result.json
        recorder?.record(recorded, renderer: renderer) { [redactor] in redactor.redact($0) }
        // Nothing more the command prints could be seen: it stops now (no next page), and `run(words:)` says why.
        if output.outputFailure != nil { context.stopCommand() }
    }

    /// Prints an error through the one funnel (with the script location on the terminal); returns its status.
    @discardableResult
    public func report(_ error: any Error) -> ExitStatus {
        // An id of another kind than the command takes says what it is (the id resolver).
        var error = context.explainingWrongKind(context.explainingSelectedNumber(error))
        if case .unauthorized(let host, let graph)? = error as? KapsoAPIError {
            // A Graph body that is Meta's token error is the number's token, not the key (P26-2: a send answered 401 #190).
            if let graph, case .numberToken = CredentialRefusal(graph: graph) {
                error = NumberTokenError(host: host, refusal: graph)
            } else {
                error = CredentialError.rejected(
                    host: host, source: context.session.sources["key"], kind: APIKeyShape.kind(of: context.client.apiKey.revealed))
            }
        }
        // A 404 every call would get points at the base URL, with the full URL asked.
        if let apiError = error as? KapsoAPIError,
            let wrongHost = BaseURLError.explaining(
                apiError, clientBase: context.client.baseURL, base: context.session.baseURL, source: context.session.sources["api"])
        {
            error = wrongHost
        }
        lastReported = error
        let report = ErrorReport(error)
        if let location, ErrorReport.isCancellation(error) {
            // Ctrl-C in a script is the user's doing, not a line to fix.
            if cancelledAt == nil {
                cancelledAt = location
                output.write(redactor.redact("cancelled at \(location)" + (report.message.contains("sent") ? " (the request had been sent; it may have taken effect)" : "") + "\n"), to: .err)
            }
            // Its block says so as the shell's does, or `run --record` leaves it empty and `kops check` replays it
            // as if it had printed nothing (probe18 P18-13).
            recorder?.write(redactor.redact(errorLine: report.line() + "\n"), to: .err)
            return report.status
        }
        // On a terminal the line wraps at words under the message, as prose does; pipes and transcripts keep one line.
        let line = redactor.redact(errorLine: report.line(location: location, expected: expectingFailure))
        let width = errorWidth.map { $0() } ?? terminalWidth?()
        let shown = width.map { ProseWrap.lines(line, width: $0).joined(separator: "\n") } ?? line
        output.write(shown + "\n", to: .err)
        recorder?.write(redactor.redact(errorLine: report.line() + "\n"), to: .err)
        return report.status
    }

    /// Writes redacted text (lines, each ending in a line feed) to the terminal; a secret the user asked to see stays
    /// readable there only.
    private func write(_ text: String, to stream: OutputStream, revealing secret: String? = nil) {
        guard !text.isEmpty else { return }
        // A revealed secret is token-shaped (`whsec_…`) and would be masked by its shape too: `revealing` keeps it.
        output.write(secret.map { redactor.revealing($0).redact(text) } ?? redactor.redact(text), to: stream)
    }
}

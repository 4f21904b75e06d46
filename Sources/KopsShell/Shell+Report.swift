internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension Shell {
    /// Prints `result` and records it. Its JSON, printed only in JSON mode, is redacted here unless the caller
    /// did (`jsonRedacted`); the rendered text is redacted once more on its way to each sink.
    /// `unredactedJSON` is the JSON of a result that reveals a secret, before redaction: in JSON mode the terminal
    /// shows that secret in clear where the table view does (probe12 P12-4); the recording still masks it.
    func show(_ result: CommandResult, jsonRedacted: Bool = false, unredactedJSON: JSONValue? = nil) {
        if let terminalWidth { renderer.table.width = terminalWidth() }
        renderer.errorWidth = errorWidth.map { $0() } ?? renderer.table.width
        if showClearingCellsByText(result) {
            if output.outputFailure != nil { context.stopCommand() }
            return
        }
        // Table cells are redacted before layout (probe22 P22-14); a revealed secret stays in clear on the terminal only.
        let page = redactor.redactingCells(result)
        var result = result.revealedSecret.map { redactor.revealing($0).redactingCells(result) } ?? page
        // Prose is wrapped only to a terminal's width, and redacted before it then (tester53 T1); unwrapped (a pipe, a
        // transcript) its written text is redacted on the way out as it is, so no second test runs (the bench's replay).
        if renderer.table.width != nil || renderer.errorWidth != nil {
            result = (result.revealedSecret.map { redactor.revealing($0) } ?? redactor).redactingProse(result)
        }
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
            keepListLayout(of: terminal)
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
        reportsSaid += 1
        // The start problem said with a command's location: a script does not say it again at its end (tester47 L6).
        if error is StartProblem { context.startProblemSaid = true }
        // A pipe whose reader left ends kops by SIGPIPE, silently, as it does outside listen (probe29 P29-15).
        if error is OutputError { output.endIfReaderLeft() }
        let error = explained(error)
        if error is SecretWouldLeave { refusedForSecret = true }
        if case .credentialAsID? = error as? ShellError { refusedForSecret = true }
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
            recorder?.write(errorText(report.line() + "\n"), to: .err)
            return report.status
        }
        // On a terminal the line wraps at words under the message, as prose does; pipes and transcripts keep one line.
        // An error that says the API did not answer is no failure a `#! error` marker expected (`ErrorReport.isNoAnswer`).
        let expected = expectingFailure && !ErrorReport.isNoAnswer(error)
        let line = errorText(report.line(location: location, expected: expected))
        let width = errorWidth.map { $0() } ?? terminalWidth?()
        let shown = width.map { ProseWrap.lines(line, width: $0).joined(separator: "\n") } ?? line
        output.write(shown + "\n", to: .err)
        recorder?.write(errorText(report.line() + "\n"), to: .err)
        return report.status
    }

    /// True when `table` would be shown as `-[ RECORD n ]-` records at the terminal's width now (`Renderer.expands`).
    func showsAsRecords(_ table: Table) -> Bool {
        if let terminalWidth { renderer.table.width = terminalWidth() }
        return renderer.expands(table)
    }

    /// `error` as the command's error line says it: an id of another kind named, a rejected key with where the key came
    /// from, a 404 every call would get pointing at the base URL. The one source of the line `report` prints and of the
    /// reason a cut-short NDJSON list ends with (`ListStream.incompleteLine`; tester63 AN5: they differed for 401 and 404).
    func explained(_ error: any Error) -> any Error {
        // An id of another kind than the command takes says what it is (the id resolver).
        var error = context.explainingWrongKind(context.explainingSelectedNumber(error))
        // `whois #100200300400501`: the argument the lexer read as a comment is named, whatever the command.
        error = ShellError.naming(droppedByComment: droppedByComment, in: error)
        if case .unauthorized(let host, let graph)? = error as? KapsoAPIError {
            // A Graph body that is Meta's token error is the number's token, not the key (P26-2: a send answered 401 #190).
            if let graph, case .numberToken = CredentialRefusal(graph: graph) {
                error = NumberTokenError(host: host, refusal: graph)
            } else {
                error = CredentialError.rejected(host: host, source: context.session.sources["key"], unusedOwnKey: context.unusedOwnKey)
            }
        }
        // A 404 every call would get points at the base URL, with the full URL asked.
        if let apiError = error as? KapsoAPIError,
            let wrongHost = BaseURLError.explaining(
                apiError, clientBase: context.client.baseURL, base: context.session.baseURL, source: context.apiSource,
                served: context.client.servedPaths)
        {
            error = wrongHost
        } else if let apiError = error as? KapsoAPIError,
            let refused = FirstCallRefusalError.explaining(
                apiError, base: context.session.baseURL, source: context.apiSource, served: context.client.servedPaths)
        {
            // A 403, 405 or 426 before the host answered anything: the base URL or what is in front of the API (X10).
            error = refused
        } else if let apiError = error as? KapsoAPIError,
            let unresolved = UnresolvedHostError.explaining(apiError, base: context.session.baseURL, source: context.apiSource)
        {
            error = unresolved
        } else if let apiError = error as? KapsoAPIError, let disagreeing = PaymentStatusBodyError.explaining(apiError) {
            // A 402 carrying a Graph code on a call that sends nothing, read as its log row is (tester66b X10).
            error = disagreeing
        }
        return error
    }

    /// Says where and why a script's line failed by its result while no error was said (`reportsBefore` is `reportsSaid`
    /// as the line began): `h.kops:2: health: 100200300400502 is degraded (messaging_health, webhook_verified); the script
    /// stops here`, on standard error, wrapped as error lines are. The transcript's block already holds the result.
    /// probe38 P38-17: a CI log read only "2 commands, 1 failed".
    ///
    /// `stops` is false where nothing stops: the script's last command line (`-c:2: webhooks check: found 2 errors`;
    /// probe40: "the script stops here" on a last line read as if lines after it were skipped) and a line run under
    /// `set on_error continue`, which is named all the same (probe42 P42-13: "5 commands, 3 failed" named one of the
    /// three). `expected` for a line under `#! error`: `e.kops:2: expected error: health: …`, as a line whose error was
    /// expected says it. The exit status is the caller's.
    func sayVerdictFailure(at location: String, reportsBefore: Int, stops: Bool, expected: Bool = false) {
        guard reportsSaid == reportsBefore, let verdictFailure else { return }
        let line = errorText(
            "\(location): " + (expected ? "expected error: " : "") + verdictFailure + (stops ? "; the script stops here" : ""))
        let width = errorWidth.map { $0() } ?? terminalWidth?()
        output.write((width.map { ProseWrap.lines(line, width: $0).joined(separator: "\n") } ?? line) + "\n", to: .err)
    }

    /// `line`, an error line, redacted for every sink: secrets (`Redactor.redact(errorLine:)`), and the words typed that
    /// look like a secret, whole or cut short (`TypedTokens`: tester57b AC4, fixD's leftover of AB12).
    func errorText(_ line: String) -> String {
        typedTokens.learnNoted()
        return typedTokens.redacting(redactor.redact(errorLine: line))
    }

    /// Writes redacted text (lines, each ending in a line feed) to the terminal; a secret the user asked to see stays
    /// readable there only.
    func write(_ text: String, to stream: OutputStream, revealing secret: String? = nil) {
        guard !text.isEmpty else { return }
        // A revealed secret is token-shaped (`whsec_…`) and would be masked by its shape too: `revealing` keeps it.
        output.write(secret.map { redactor.revealing($0).redact(text) } ?? redactor.redact(text), to: stream)
    }
}

extension Shell {
    /// The status a script counts for a line a `#! error` marker expected to fail, its outcome said at `location`
    /// (`FILE:LINE`, `-c:N`): `.ok` when the line failed with the API's answer (a verdict said as `expected error: …`); a
    /// failure when it succeeded (`ScriptError.expectedFailure`) or when the API did not answer it
    /// (`ErrorReport.isNoAnswer`: a 429, a 5xx or no connection checked nothing, probe43 P43-2), which the script then
    /// counts and stops at as any failed line. The twin loops, `ScriptRunner` and the piped shell, both ask it.
    func expectedFailureStatus(_ status: ExitStatus, line: String, at location: String?, reportsBefore: Int) -> ExitStatus {
        guard status != .ok else { return report(ScriptError.expectedFailure(line: line)) }
        if ErrorReport.isNoAnswer(lastReported) {
            if let location { output.write(ScriptError.expectedFailureUnanswered(location: location) + "\n", to: .err) }
            return status
        }
        if let location { sayVerdictFailure(at: location, reportsBefore: reportsBefore, stops: false, expected: true) }
        return .ok
    }
}

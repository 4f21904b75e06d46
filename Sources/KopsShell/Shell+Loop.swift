extension Shell {
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
            // Built from `String`s: `Substring + String` is the generic `append(contentsOf:)`, whose first use in a
            // process looks its associated types up (about 250,000 instructions, docs/performance.md, "Session 52").
            let prompt = String(context.session.prompt.dropLast(2)) + (recorder == nil ? "> " : " [rec]> ")
            switch reader.readLine(prompt: prompt) {
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
                // A transcript's title is a comment to the shell: its Markdown would run as commands from line 3 on.
                if source != nil, number == 1, TranscriptParser.isTranscript(typed + "\n") {
                    return report(ScriptError.pipedTranscript)
                }
                var unfinished = false
                guard let whole = continued(typed, reader: reader, number: &number, unfinished: &unfinished) else {
                    guard unfinished else { continue }
                    // Nothing ran; the input is over (the next read says so again and ends the loop).
                    let status = report(ShellError.syntax(ScriptCheck.unfinishedLastLine + "; nothing ran"))
                    if first == .ok, source != nil { first = status }
                    continue
                }
                guard let line = source == nil ? quoteContinued(whole, reader: reader, number: &number) : whole else { continue }
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
                let remembered = (try? ScriptCheck.checkLength(line)) != nil && !line.allSatisfy(\.isWhitespace)
                if remembered {
                    reader.remember(line, redactor: redactor)
                    context.history.append(line)
                }
                expectingFailure = expecting
                let reportsBefore = reportsSaid
                verdictFailure = nil
                refusedForSecret = false
                var status = run(line: line)
                // A line refused for a secret it holds is taken back: neither listed by `history`, recalled, nor kept in
                // the history file, whatever the redactor makes of it (tester62 AK3: `logs search 'Basic+…'`).
                if remembered, refusedForSecret {
                    if context.history.last == line { context.history.removeLast() }
                    reader.forget(line: line)
                }
                expectingFailure = false
                if expecting { status = expectedFailureStatus(status, line: line, at: location, reportsBefore: reportsBefore) }
                // Ctrl-C stopped piped input (in a request, or between lines as in a script): 130 as for a script or
                // -c (probe20 P20-4), unless a write's outcome is unknown (75 says more).
                if let location, source != nil, cancelledAt == nil, context.interrupted() {
                    cancelledAt = location
                    output.write("cancelled at \(location)\n", to: .err)
                }
                if source != nil, cancelledAt != nil, status != .unknownOutcome { status = .interrupted }
                if status != .ok && first == .ok { first = status }
                let stops = context.session.variables["on_error"] != "continue"
                // A line that failed as its `#! error` marker expected is `.ok` here; one that succeeded has said so.
                if status != .ok, source != nil, let location, cancelledAt == nil, output.outputFailure == nil {
                    sayVerdictFailure(at: location, reportsBefore: reportsBefore, stops: stops)
                }
                if status != .ok && source != nil && stops { return first }
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
}

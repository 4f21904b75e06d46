internal import KapsoClient
internal import KopsHTTP

/// Runs command lines: lexer → registry → command → renderer → output, with the one error funnel.
public final class Shell {
    public let context: ShellContext
    public var renderer: Renderer
    public let output: any OutputSink
    /// Applied to everything shown; knows the session's API key.
    public var redactor: Redactor

    public init(context: ShellContext, renderer: Renderer, output: any OutputSink) {
        self.context = context
        self.renderer = renderer
        self.output = output
        redactor = Redactor(knownSecrets: [context.client.apiKey])
        context.emit = { [unowned self] result in
            self.renderer.mode = self.context.session.output
            self.show(result)
        }
    }

    /// Runs every `;`-separated command of a line, stopping at the first failure; returns its status.
    @discardableResult
    public func run(line: String) -> ExitStatus {
        let commands: [[Word]]
        do {
            commands = try Lexer.commands(in: line)
        } catch {
            return report(ShellError.syntax(error.message))
        }
        for words in commands {
            let status = run(words: words.map(\.text))
            if status != .ok || context.exitRequested { return status }
        }
        return .ok
    }

    /// Runs one command given as words, printing its result or its error.
    @discardableResult
    public func run(words: [String]) -> ExitStatus {
        guard let name = words.first else { return .ok }
        do {
            let command = try context.registry.command(named: name)
            let arguments = try Arguments(command: command, words: Array(words.dropFirst()))
            let result = try command.run(arguments, in: context)
            renderer.mode = context.session.output
            show(result)
            return result.status
        } catch {
            return report(error)
        }
    }

    /// Reads and runs lines until `exit` or end of input; returns the first failure's status.
    public func loop(reader: any LineReader, stopOnError: Bool = false) -> ExitStatus {
        var first = ExitStatus.ok
        while !context.exitRequested {
            switch reader.readLine(prompt: context.session.prompt) {
            case .endOfInput: return first
            case .interrupted: continue
            case .line(let line):
                if !line.allSatisfy(\.isWhitespace) { reader.remember(line) }
                let status = run(line: line)
                if status != .ok && first == .ok { first = status }
                if status != .ok && stopOnError { return status }
            }
        }
        return first
    }

    private func show(_ result: CommandResult) {
        var result = result
        result.json = result.json.map(redactor.redact)
        let (out, err) = renderer.render(result)
        write(out, to: .out, revealing: result.revealedSecret)
        write(err, to: .err, revealing: result.revealedSecret)
    }

    private func report(_ error: any Error) -> ExitStatus {
        let report = ErrorReport(error)
        write([report.line()], to: .err)
        return report.status
    }

    /// Writes redacted lines; a secret the user asked to see stays readable on the terminal only.
    private func write(_ lines: [String], to stream: OutputStream, revealing secret: String? = nil) {
        guard !lines.isEmpty else { return }
        let joined = lines.joined(separator: "\n") + "\n"
        var terminal = redactor
        if let secret { terminal.knownSecrets.removeAll { $0.revealed == secret } }
        output.write(terminal.redact(joined), to: stream)
    }
}

import ArgumentParser
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import KopsTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// `kops verify ...`, `kops help` and `kops completions SHELL`: command-line verbs that need no API key or network.
enum OfflineVerbs {
    /// Runs the verb in `arguments` and returns its exit status, or nil when the words are not one.
    static func run(_ arguments: [String]) -> Int32? {
        // Flags that change nothing offline may come first, as users write them: `kops --no-color verify …`; so may
        // `--output MODE`, which the verb then takes as its own (`kops --output json verify …`, probe20 P20-11: it was
        // refused with a suggestion that had lost the flags).
        var arguments = arguments[...]
        var output: [String] = []
        // Kept for a suggested command line, which repeats them (`listen --register` is pointed to `-c`).
        var leading: [String] = []
        // The connection options (`--base-url`, `--timeout`, `--profile`) change nothing for `verify`, which sends no
        // request; an alias or wrapper passes them always (tester59 AF8: refused as "'verify' is a shell command").
        var connection = false
        // `kops --demo help` needs no simulator (tester63b AO5: refused as "'help' is a shell command").
        var demo = false
        while let first = arguments.first {
            if ["--base-url", "--timeout", "--profile"].contains(first), arguments.count > 1 {
                connection = true
                arguments = arguments.dropFirst(2)
            } else if ["--base-url=", "--timeout=", "--profile="].contains(where: first.hasPrefix) {
                connection = true
                arguments = arguments.dropFirst()
            } else if first == "--demo" {
                demo = true
                arguments = arguments.dropFirst()
            } else if first == "--no-color" || first == "--verbose" {
                leading.append(first)
                arguments = arguments.dropFirst()
            } else if first == "--output", arguments.count > 1 {
                output = ["--output", arguments[arguments.startIndex + 1]]
                arguments = arguments.dropFirst(2)
            } else if first.hasPrefix("--output=") {
                output = [first]
                arguments = arguments.dropFirst()
            } else {
                break
            }
        }
        if connection, arguments.first != "verify", arguments.first != "help" { return nil }
        if demo, arguments.first != "help" { return nil }
        switch arguments.first {
        case "verify": return verify(Array(arguments.dropFirst()) + output)
        case "help" where output.isEmpty: return help(Array(arguments.dropFirst()))
        case "completions" where output.isEmpty: return completions(Array(arguments.dropFirst()))
        case "listen", "replay": return handlerVerb(Array(arguments) + output, leading: leading)
        default: return nil
        }
    }

    /// The shell's `verify` command, outside the shell: a signature check needs no connection.
    private static func verify(_ words: [String]) -> Int32 {
        let output = StandardOutput(environment: ProcessEnvironment.variables)
        guard let shell = offlineShell(output) else { return ExitStatus.failure.rawValue }
        return shell.run(words: ["verify"] + words).rawValue
    }

    /// `kops help [COMMAND | TOPIC]`: the shell's `help`, outside the shell, with no API key (tester62 AL21: the first
    /// thing a new user types, like `git help`, answered "'help' is a shell command" and exit 64).
    private static func help(_ words: [String]) -> Int32 {
        let output = StandardOutput(environment: ProcessEnvironment.variables)
        guard let shell = offlineShell(output) else { return ExitStatus.failure.rawValue }
        let status = shell.run(words: ["help"] + words)
        // Below the shell's own hint, on standard error as hints are: the list alone goes to standard output.
        if words.isEmpty, status == .ok {
            output.write(
                "'kops' starts the shell (or 'kops -c COMMAND' runs one); 'kops --demo' tries it on a built-in simulator; "
                    + "'kops --help' lists the command-line options\n", to: .err)
        }
        return status.rawValue
    }

    /// A shell for a verb that sends no request: a client with no key, `HOME` for a `--file ~/body.json` the calling
    /// shell left as typed (`--file=~/…`), output fitted to the terminal. Nil when curl cannot start.
    private static func offlineShell(_ output: StandardOutput) -> Shell? {
        guard let transport = try? CurlTransport() else { return nil }
        let client = KapsoClient(baseURL: Settings.defaultBaseURL, apiKey: Secret(""), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.environment = ProcessEnvironment.variables
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        shell.fitTerminal(environment: ProcessEnvironment.variables)
        return shell
    }

    /// `kops listen …` and `kops replay …`: the shell's commands for a local handler, outside the shell. They need
    /// no API key; Ctrl-C stops `listen` with its summary (and aborts a forward in flight).
    private static func handlerVerb(_ words: [String], leading: [String] = []) -> Int32 {
        let output = StandardOutput(environment: ProcessEnvironment.variables)
        if words.first == "listen", words.contains(where: { $0 == "--register" || $0.hasPrefix("--register=") }) {
            // The line as given, flags kept, so it pastes back once the number is filled in; --register creates a
            // webhook, which -c does only with --allow-writes.
            let line = "use PHONE_NUMBER_ID; " + words.filter { $0 != "--allow-writes" }.map(ShellWord.quoted).joined(separator: " ")
            output.write(
                "error: listen --register needs the API and a number; run it in the shell or as "
                    + (["kops"] + leading + ["-c", PosixWord.quoted(line), "--allow-writes"]).joined(separator: " ") + "\n",
                to: .err)
            return ExitStatus.usage.rawValue
        }
        guard let transport = try? CurlTransport(options: .init(userAgent: "kops/\(KopsVersion.current)")) else {
            return ExitStatus.failure.rawValue
        }
        let client = KapsoClient(baseURL: Settings.defaultBaseURL, apiKey: Secret(""), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        context.environment = ProcessEnvironment.variables
        context.openReceiver = LocalReceiver.open
        Interrupts.install()
        context.interrupted = Interrupts.take
        context.stopCommand = Interrupts.stopCommand
        context.holdTermination = Interrupts.holdTermination
        context.guardTranscriptBlock = Interrupts.guardTranscript
        context.releaseTermination = Interrupts.releaseTermination
        context.terminationReceived = Interrupts.terminationReceived
        let terminal = TerminalFacts.current(environment: context.environment, noColor: false)
        context.isInteractive = terminal.stderrIsTTY
        if terminal.stdinIsTTY && terminal.stderrIsTTY {
            context.confirm = { question in
                output.write(question, to: .err)
                return PlainLineReader().confirm("")
            }
        }
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        shell.fitTerminal(environment: context.environment)
        return shell.run(words: words).rawValue
    }

    /// Shell completion scripts for kops's command-line flags.
    private static func completions(_ words: [String]) -> Int32 {
        let shells: [String: CompletionShell] = ["bash": .bash, "zsh": .zsh, "fish": .fish]
        guard words.count == 1, let shell = shells[words[0]] else {
            let got = words.first.map { "'\(VisibleText.escaped($0))'" } ?? "nothing"
            StandardOutput(environment: ProcessEnvironment.variables).write("error: completions: expected bash, zsh or fish, got \(got); e.g. kops completions bash > /etc/bash_completion.d/kops\n", to: .err)
            return ExitStatus.usage.rawValue
        }
        let output = StandardOutput(environment: ProcessEnvironment.variables)
        // bash's is written by hand: the generated one completed no file names and offered "help" (probe18 P18-21).
        output.write(shell == .bash ? BashCompletion.script : Kops.completionScript(for: shell), to: .out)
        // A script cut short (`> /etc/bash_completion.d/kops` on a full disk) must not pass for installed.
        if let reason = output.outputFailure {
            output.write(ErrorReport(OutputError(reason: reason)).line() + "\n", to: .err)
            return ExitStatus.outputFailed.rawValue
        }
        return ExitStatus.ok.rawValue
    }
}

extension Shell {
    /// Output fitted to the terminals the verb writes to: standard output's prose and tables to its width, errors and
    /// hints to standard error's; a pipe or file gets lines as they are.
    func fitTerminal(environment: [String: String]) {
        if TerminalFacts.currentWidth(of: 1, environment: environment) != nil {
            terminalWidth = { TerminalFacts.currentWidth(of: 1, environment: environment) }
        }
        errorWidth = { TerminalFacts.currentWidth(of: 2, environment: environment) }
    }
}

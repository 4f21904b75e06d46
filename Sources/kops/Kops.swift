import ArgumentParser
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTerminal

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Kops: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kops",
        abstract: "A diagnostic shell for WhatsApp Business numbers on Kapso.",
        // Fitted as the shell's help is (`HelpText`): paragraphs reflowed to the width the parser wraps at, not a line
        // hard-wrapped at ~100 columns wrapped again (probe22 P22-13).
        discussion: HelpText.fitted(discussionSource, width: helpWidth - 1),
        version: KopsVersion.current)

    /// `kops --help`'s text after the overview, one paragraph a line (`HelpText` fits it).
    static let discussionSource = """
        Environment: KAPSO_API_BASE_URL (host only, e.g. https://api.kapso.ai), KAPSO_API_KEY, KOPS_PROFILE, NO_COLOR, \
        XDG_CONFIG_HOME (config.toml profiles), XDG_STATE_HOME (history).
        Precedence: flags > environment > profile > defaults.

        Also: kops run FILE.kops, kops check FILE.md, kops bundle [FILE.md], kops verify --secret-env VAR --signature HEX \
        --file F, kops completions bash|zsh|fish. kops check replays a transcript with its own settings and lines, as \
        recorded: --record, --var and --output do not go with it.

        Without a key, commands that need no API still run (help, explain, verify, payload, profile, state, ...); the \
        first one that does says where keys come from. Writes from -c, scripts or piped input need --allow-writes.

        Exit statuses (also 'help exit-codes' in the shell):

        """ + (HelpTopics.text("exit-codes") ?? "")

    /// The width swift-argument-parser wraps `--help` at: `COLUMNS`, else standard output's terminal, else 80 (a pipe),
    /// and never less than `minimumHelpWidth`. The discussion is fitted one column narrower: the parser breaks a line of
    /// exactly its width once more.
    static var helpWidth: Int { max(minimumHelpWidth, askedHelpWidth) }

    /// The narrowest `--help` is laid out at. The parser indents option help 26 columns and trapped ("`columns -
    /// wrappingIndent` should be always be greater than 0", SIGILL) at `COLUMNS=25` and less; a release build printed
    /// nothing instead. Narrower terminals get 40 columns, which they wrap.
    static let minimumHelpWidth = 40

    /// `COLUMNS`, else standard output's terminal, else 80.
    private static var askedHelpWidth: Int {
        if let columns = ProcessEnvironment.variables["COLUMNS"].flatMap(Int.init), columns > 1 { return columns }
        return TerminalFacts.currentWidth(environment: [:]) ?? HelpText.defaultWidth
    }

    @Option(help: "Profile from config.toml to use (default: $KOPS_PROFILE, then default_profile).")
    var profile: String?

    @Option(name: .customLong("base-url"), help: "API host, e.g. https://api.kapso.ai (default: $KAPSO_API_BASE_URL).")
    var baseURL: String?

    @Option(help: "How results are printed: table, json, expanded or auto.")
    var output: String?

    @Option(
        name: .customShort("c"),
        help: "Run these ';'-separated commands, then exit with the first failure's status (repeatable: run in order).")
    var commands: [String] = []

    @Flag(help: "Start the built-in simulator with demo data and open the shell on it.")
    var demo = false

    // Unconditional: `--timeout -1` is a value to refuse with the rule, not a missing one (probe20 P20-12).
    @Option(parsing: .unconditional, help: "Seconds before a request is abandoned.")
    var timeout: Double = 30

    @Flag(name: .customLong("no-color"), help: "Never colour output (also: NO_COLOR).")
    var noColor = false

    @Flag(help: "Print each HTTP exchange on stderr (method, URL, headers with secrets redacted, status, time).")
    var verbose = false

    @OptionGroup var script: ScriptOptions

    /// Offline verbs first (`kops verify`, `kops completions`), then the common command lines without the
    /// argument parser (`QuickArguments`), then the parser for everything else (help, errors, rarer forms).
    static func main() {
        // Before kops opens any file or socket: a closed standard descriptor must not be taken by one of them.
        StandardOutput.holdClosedDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = RawVariables.problem(RawVariables.arguments) { exit(withError: ValidationError(problem)) }
        if let status = OfflineVerbs.run(arguments) { Glibc.exit(status) }
        // Before anything runs or is sent: a `-c` byte that is not UTF-8 is named, not sent as U+FFFD (probe27 P27-6).
        if let refused = RawCommandArguments.notUTF8(RawCommandArguments.values()) {
            var text = Array((refused.line + "\n").utf8)
            _ = text.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
            Glibc.exit(refused.status.rawValue)
        }
        switch QuickArguments.parse(arguments) {
        case .version?:
            print(KopsVersion.current)
        case .launch(let launch)?:
            do {
                try launch.run()
            } catch {
                exit(withError: error)
            }
        case nil:
            // The parser reads `COLUMNS`, then the terminal, itself: told the clamped width when either is too narrow.
            let columns = ProcessEnvironment.variables["COLUMNS"].flatMap(Int.init)
            if askedHelpWidth < minimumHelpWidth || columns.map({ $0 < minimumHelpWidth }) == true {
                setenv("COLUMNS", String(minimumHelpWidth), 1)
            }
            main(arguments)
        }
    }

    func validate() throws {
        if let output, OutputMode(rawValue: output) == nil {
            throw ValidationError("invalid --output '\(output)'; expected table, json, expanded or auto")
        }
        if output != nil, script.words.first == "check" { throw ValidationError(ScriptOptions.checkOutputRefusal) }
        // 0 would mean "never give up" to libcurl: a hung request would hang kops for good.
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("invalid --timeout '\(timeout)'; expected seconds above 0, e.g. --timeout 30")
        }
        guard timeout <= Launch.longestTimeout else {
            throw ValidationError("invalid --timeout '\(timeout)'; at most 86400 seconds (a day) per request, e.g. --timeout 300")
        }
        guard timeout >= Launch.shortestTimeout else {
            throw ValidationError(
                "invalid --timeout '\(timeout)'; at least 0.001 seconds (libcurl counts whole milliseconds, and 0 ms would "
                    + "mean no timeout at all), e.g. --timeout 30")
        }
        // Said as the same URL from the environment or a profile is (one line, no usage block; probe33 P33-1), and at
        // once: nothing else on the command line matters while the API is unknown.
        if let baseURL, !baseURL.contains("://") {
            do {
                try BaseURLSchemeError.check(baseURL, source: "flag --base-url")
            } catch {
                var text = Array((ErrorReport(error).line() + "\n").utf8)
                _ = text.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
                throw ExitCode(ErrorReport(error).status.rawValue)
            }
        }
        // Shell command words given as kops's own (`kops --output json explain 131047`): `-c`, with the flags given, so
        // the suggested line pastes back and does the same thing.
        if let advice = Launch(self).shellCommandAdvice() { throw ValidationError(advice) }
    }

    func run() throws {
        try Launch(self).run()
    }
}

import ArgumentParser
import Foundation
import KapsoClient
import KapsoSimulator
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
        discussion: """
            Environment: KAPSO_API_BASE_URL (host only, e.g. https://api.kapso.ai), KAPSO_API_KEY, KOPS_PROFILE,
            NO_COLOR, XDG_CONFIG_HOME (config.toml profiles), XDG_STATE_HOME (history).
            Precedence: flags > environment > profile > defaults.
            Also: kops run FILE.kops, kops check FILE.md, kops bundle [FILE.md], kops verify --secret S --signature HEX --file F,
            kops completions bash|zsh|fish.
            Without a key, commands that need no API still run (help, explain, verify, payload, profile, state, ...);
            the first one that does says where keys come from. Writes from -c, scripts or piped input need --allow-writes.

            Exit statuses (also 'help exit-codes' in the shell):

            """ + (HelpTopics.text("exit-codes") ?? ""),
        version: KopsVersion.current)

    @Option(help: "Profile from config.toml to use (default: $KOPS_PROFILE, then default_profile).")
    var profile: String?

    @Option(name: .customLong("base-url"), help: "API host, e.g. https://api.kapso.ai (default: $KAPSO_API_BASE_URL).")
    var baseURL: String?

    @Option(help: "How results are printed: table, json, expanded or auto.")
    var output: String?

    @Option(name: .customShort("c"), help: "Run these ';'-separated commands, then exit with the first failure's status.")
    var commands: String?

    @Flag(help: "Start the built-in simulator with demo data and open the shell on it.")
    var demo = false

    @Option(help: "Seconds before a request is abandoned.")
    var timeout: Double = 30

    @Flag(name: .customLong("no-color"), help: "Never colour output (also: NO_COLOR).")
    var noColor = false

    @Flag(help: "Print each HTTP exchange on stderr (method, URL, headers with secrets redacted, status, time).")
    var verbose = false

    @OptionGroup var script: ScriptOptions

    /// Offline verbs first (`kops verify`, `kops completions`), then the shell's own flags.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let status = OfflineVerbs.run(arguments) { Glibc.exit(status) }
        main(arguments)
    }

    func validate() throws {
        if let output, OutputMode(rawValue: output) == nil {
            throw ValidationError("invalid --output '\(output)'; expected table, json, expanded or auto")
        }
        // 0 would mean "never give up" to libcurl: a hung request would hang kops for good.
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("invalid --timeout '\(timeout)'; expected seconds above 0, e.g. --timeout 30")
        }
        if let baseURL, !baseURL.contains("://") {
            throw ValidationError("invalid --base-url '\(Shortened.text(baseURL))'; add https://, e.g. https://\(Shortened.text(baseURL))")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.variables
        let terminal = TerminalFacts.current(environment: environment, noColor: noColor)
        let stdout = StandardOutput()
        var simulator: RunningSimulator?
        defer { simulator?.stop() }

        let configFile = ConfigFile.defaultPath(environment: environment).map(ConfigFile.init(path:))
        var settings: Settings
        var config = KopsConfig()
        do {
            config = try configFile?.load() ?? KopsConfig()
        } catch {
            // A broken config.toml must not lock the user out of help, explain or profile: say so once, go on
            // without its profiles; 'profile add' refuses to write over it.
            stdout.write(ErrorReport(error).line() + "; kops runs without its profiles until it is fixed\n", to: .err)
        }
        do {
            for warning in config.warnings { stdout.write("warning: \(VisibleText.escaped(warning))\n", to: .err) }
            settings = try Settings.resolve(
                flags: .init(profile: profile, baseURL: baseURL, output: output.flatMap(OutputMode.init(rawValue:)), noColor: noColor),
                environment: environment, config: config)
        } catch {
            stdout.write(ErrorReport(error).line() + "\n", to: .err)
            throw ExitCode(ErrorReport(error).status.rawValue)
        }
        if !settings.baseURL.contains("://") {
            let origin = settings.sources["api"].map { " (\($0))" } ?? ""
            stdout.write(
                "error: the API base URL '\(Shortened.text(settings.baseURL))'\(origin) has no scheme; add https://, "
                    + "e.g. https://\(Shortened.text(settings.baseURL))\n", to: .err)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        // `kops check` of a demo transcript replays on a demo simulator pinned to the recorded clock.
        let demoTranscript: TranscriptHeader?
        do {
            demoTranscript = try script.demoTranscriptHeader()
        } catch {
            stdout.write(ErrorReport(error).line() + "\n", to: .err)
            throw ExitCode(ErrorReport(error).status.rawValue)
        }
        if demo || demoTranscript != nil {
            let key = "kops_demo_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            // Sequential ids (and, for check, the recorded clock) so a recorded demo session replays.
            var options = SimulatorOptions(apiKey: key, seed: .demo, deterministic: demoTranscript?.seeded == nil && demoTranscript != nil)
            options.sequentialIDs = true
            // The demo's clock is fixed too, moved to this machine's time before each command line: a command
            // then runs at one instant, as `kops check` replays it.
            options.pinnedClock = demoTranscript == nil ? Int64(Date().timeIntervalSince1970 * 1_000_000) : demoTranscript?.seeded
            let running = try KapsoSimulator.startBlocking(options: options)
            simulator = running
            if demoTranscript == nil {
                stdout.write("demo: built-in kapso-sim with demo data at \(running.baseURL) (nothing leaves this machine)\n", to: .err)
            }
            settings.baseURL = running.baseURL
            settings.key = .value(Secret(key), .flag("--demo"))
            settings.sources["api"] = .flag("--demo")
            settings.sources["key"] = .flag("--demo")
        }
        let transport = try CurlTransport(
            options: .init(connectTimeout: min(10, timeout), timeout: timeout, userAgent: "kops/\(KopsVersion.current)"))
        if verbose { transport.observer = VerboseLog.write }
        // The key is looked up at the first command that sends a request, so offline commands need none.
        let client = KapsoClient(baseURL: settings.baseURL, apiKey: Secret(""), transport: transport)
        var session = Session(
            baseURL: client.baseURL, profile: settings.profile, phoneNumberID: settings.phoneNumberID, output: settings.output)
        session.sources = settings.sources.mapValues(\.description)
        let context = ShellContext(session: session, client: client, registry: .standard)
        if let simulator {
            context.simulatorClock = { simulator.now() }
            context.simulatorSeeded = simulator.simulator.seededAt
            if demoTranscript != nil {
                context.moveSimulatorClock = { simulator.advanceClock(to: $0) }
            } else {
                context.beforeCommandLine = { simulator.advanceClockToWallTime() }
            }
        }
        context.environment = environment
        context.openReceiver = LocalReceiver.open
        context.config = config
        context.configFile = configFile
        let shell = Shell(
            context: context,
            renderer: Renderer(mode: session.output, width: terminal.width, color: terminal.color && settings.color),
            output: stdout)
        if terminal.stdoutIsTTY {
            shell.terminalWidth = { TerminalFacts.currentWidth(environment: environment) }
            // Cursor home, clear the screen and its scrollback: what `clear` does in a shell.
            context.clearScreen = { stdout.write("\u{1B}[H\u{1B}[2J\u{1B}[3J", to: .out) }
        }
        context.useKey(from: settings.key)
        Interrupts.install()
        context.interrupted = Interrupts.take
        script.setVariables(on: shell)
        // Writes on the built-in demo simulator reach no customer, so the demo needs no --allow-writes.
        var script = self.script
        script.allowWrites = script.allowWrites || demo
        if terminal.stdinIsTTY && terminal.stderrIsTTY {
            // Writes from a script or -c started at a terminal ask once; the interactive shell replaces this.
            context.confirmWrites = { question in
                stdout.write(question, to: .err)
                return PlainLineReader().confirm("")
            }
        }

        let status: ExitStatus
        if let scripted = script.run(shell: shell, stderr: stdout) {
            status = scripted
        } else if let commands {
            status = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: commands), allowWrites: script.allowWrites)
                .run(on: shell).status
        } else if terminal.stdinIsTTY {
            let historySize = environment["KOPS_HISTORY_SIZE"].flatMap(Int.init).map { max(0, $0) } ?? 1000
            // The demo keeps its own history, so demo commands never mix with a real project's.
            let history = HistoryFile.defaultPath(environment: environment, profile: demo ? "demo" : settings.profile).map {
                HistoryFile(path: $0, limit: historySize)
            }
            if let history, let refusal = history.refusal {
                stdout.write("warning: history file \(history.path) is not used: \(refusal); history stays in memory\n", to: .err)
            }
            let reader = EditLineReader(history: history) { before in
                Completion.candidates(lineBeforeCursor: before, registry: context.registry, ids: context.ids)
            }
            if terminal.stderrIsTTY {
                let progress = ProgressIndicator(label: client.host)
                reader.progress = progress
                stdout.progress = progress
            }
            context.confirm = reader.confirm
            context.confirmWrites = reader.confirm
            context.profileChanged = { name in
                reader.switchHistory(
                    to: HistoryFile.defaultPath(environment: environment, profile: name).map {
                        HistoryFile(path: $0, limit: historySize)
                    })
            }
            context.isInteractive = terminal.stderrIsTTY
            // At a terminal each error was already shown; leaving with Ctrl-D or exit is a success.
            _ = shell.loop(reader: reader)
            status = .ok
        } else {
            // Piped commands are a script read as it comes: writes need --allow-writes, errors name <stdin>:LINE.
            shell.readOnly = !script.allowWrites
            status = shell.loop(reader: PlainLineReader(), source: "<stdin>")
        }
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}


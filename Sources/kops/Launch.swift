import ArgumentParser
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import KopsTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// What kops was asked to do at launch, read from its command line by `Kops` (swift-argument-parser) or, for
/// the common valid forms, by `QuickArguments` without it (docs/performance.md says why).
struct Launch: Equatable {
    var profile: String?
    var baseURL: String?
    var output: String?
    /// The `-c` values in order (each ';'-separated); every one runs, as psql's repeated `-c` do.
    var commands: [String] = []
    var demo = false
    var timeout: Double = 30
    /// The longest `--timeout`, in seconds: a day per request. Beyond it no request is waited for, and libcurl's
    /// millisecond limit would overflow an `Int` near 9.2e15 s (probe18 P18-29: `--timeout 1e16` crashed kops).
    static let longestTimeout: Double = 86_400
    /// The shortest `--timeout`, in seconds: libcurl counts it in whole milliseconds, and a value under 1 ms became
    /// 0 ms, libcurl's "no timeout at all" (probe20 P20-12: `--timeout 0.0009` waited for a silent server forever).
    static let shortestTimeout: Double = 0.001
    var noColor = false
    var verbose = false
    var script = ScriptLaunch()

    init() {}

    /// The flags `Kops` parsed.
    init(_ kops: Kops) {
        profile = kops.profile
        baseURL = kops.baseURL
        output = kops.output
        commands = kops.commands
        demo = kops.demo
        timeout = kops.timeout
        noColor = kops.noColor
        verbose = kops.verbose
        script = ScriptLaunch(kops.script)
    }

    /// Builds the session from the flags and runs it: a script, `-c` commands, the interactive shell or piped input.
    /// Throws `ExitCode` with the status when it is not 0.
    func run() throws {
        let environment = ProcessEnvironment.variables
        let terminal = TerminalFacts.current(environment: environment, noColor: noColor)
        let stdout = StandardOutput(environment: environment)
        if let homeWarning = ProcessEnvironment.homeWarning(environment) { stdout.write(homeWarning + "\n", to: .err) }
        for warning in XDGFolder.warnings(environment: environment) { stdout.write(warning + "\n", to: .err) }
        var simulator: DemoSimulator?
        defer { simulator?.stop() }

        // The demo runs on its own simulator with its own key: an API or profile typed beside it would be ignored, and
        // a user who added --demo out of habit would think they had looked at that API (probe16 P16-8).
        if demo, let typed = baseURL != nil ? "--base-url" : profile != nil ? "--profile" : nil {
            stdout.write(
                "error: --demo runs on the built-in simulator, so \(typed) would not be used; drop one of them\n", to: .err)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let configFile = ConfigFile.defaultPath(environment: environment).map(ConfigFile.init(path:))
        var settings: Settings
        var config = KopsConfig()
        var configProblem: String?
        do {
            config = try configFile?.load(environment: environment) ?? KopsConfig()
        } catch {
            // A broken config.toml must not lock the user out of help, explain or profile: say so once, go on
            // without its profiles; 'profile add' refuses to write over it, and no command sends a request (the
            // profile it names could be another project's than the environment's).
            configProblem = ErrorReport(error).message
            stdout.write(ErrorReport(error).line() + "; kops runs without its profiles until it is fixed\n", to: .err)
        }
        let masked = StartErrorMask(environment: environment, config: config)
        // `kops check` of a demo transcript replays on a demo simulator pinned to the recorded clock.
        let demoTranscript: TranscriptHeader?
        var pinnedRecording: Int64?
        // A live transcript replays on the profile it was recorded with, when none is typed now (P29-4).
        var profile = self.profile
        // The demo's data is no project's: a live recording is refused, never replayed there, nor rewritten with it.
        var liveOnDemo: String?
        // Before the transcript is read for its header: a name of spaces is refused as the shell's `record` refuses it.
        if let blank = script.blankFileName() {
            stdout.write(ErrorReport(blank).line() + "\n", to: .err)
            throw ExitCode(ErrorReport(blank).status.rawValue)
        }
        do {
            let checked = try script.checkedHeader()
            if demo, let checked { liveOnDemo = ScriptLaunch.demoCheckOfLive(checked, path: script.words[1]) }
            demoTranscript = checked?.kind == .demo ? checked : nil
            // `kops --demo check` of a simulator recording (the README's tour.md, made on `kapso-sim --deterministic`,
            // whose clock stands at the recorded instant): the demo's simulator is pinned there, not at this machine's
            // time (probe36 P36-10: every date "changed" and `--update` was offered over the golden).
            pinnedRecording = demo && checked?.kind == .simulator ? checked?.recordedMicros : nil
            if let checked, configProblem == nil, !demo {
                profile = try ScriptLaunch.replayProfile(
                    of: checked, path: script.words[1], typed: (self.profile, baseURL), config: config) ?? profile
            }
        } catch {
            stdout.write(masked.line(error) + "\n", to: .err)
            throw ExitCode(ErrorReport(error).status.rawValue)
        }
        if let liveOnDemo {
            stdout.write("error: " + liveOnDemo + "\n", to: .err)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        if let demoTranscript, let note = ScriptLaunch.demoTranscriptNote(demoTranscript, path: script.words[1], typed: (self.profile, baseURL)) {
            stdout.write(note + "\n", to: .err)
        }
        // The demo talks to its own simulator: a base URL or profile in the environment or config.toml is not used, so
        // it cannot stop the demo (probe22 P22-15).
        let ownAPI = demo || demoTranscript != nil
        let namedProfile = environment["KOPS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        // A setting read from the environment or config.toml that kops cannot use opens the shell all the same, said
        // once here and by each command that would send a request; one typed on this command line is refused now.
        var startProblem: StartProblem?
        do {
            for warning in config.warnings { stdout.write("warning: \(VisibleText.escaped(warning))\n", to: .err) }
            if !ownAPI, let warning = KeyLookalike.warning(environment: environment, config: config) {
                stdout.write(warning + "\n", to: .err)
            }
            // A profile asked for may well be in the broken file: not "unknown", nor "no profiles are configured".
            if let configProblem, let asked = profile { throw ConfigError.brokenFile(problem: configProblem, profile: asked) }
            let flags = Settings.Flags(
                profile: profile, baseURL: baseURL, output: output.flatMap(OutputMode.init(rawValue:)), noColor: noColor)
            // KOPS_PROFILE cannot be looked up in a broken file (no request is sent while it is broken, and the line at
            // start says why).
            var resolving = environment
            if configProblem != nil { resolving["KOPS_PROFILE"] = nil }
            let resolved = try Self.resolve(flags: flags, environment: resolving, config: config)
            settings = resolved.settings
            // The environment overriding the chosen profile's key or host is said once, never silently (tester51 G8).
            if !ownAPI { for line in settings.overridden { stdout.write("warning: " + line + "\n", to: .err) } }
            // The demo uses no profile: one it could not find does not matter there.
            if let unknown = resolved.unknownProfile, !ownAPI {
                let source = namedProfile != nil ? "env KOPS_PROFILE" : "config.toml default_profile"
                startProblem = .unknownProfile(unknown, source: source, known: config.profiles.map(\.name))
            }
        } catch {
            stdout.write(masked.line(error) + "\n", to: .err)
            throw ExitCode(ErrorReport(error).status.rawValue)
        }
        if !ownAPI && startProblem == nil {
            do {
                try BaseURLSchemeError.check(settings.baseURL, source: settings.sources["api"]?.description)
            } catch {
                // `--base-url` was typed now: refused at once, as any bad flag value.
                guard settings.sources["api"] != .flag("--base-url") else {
                    stdout.write(masked.line(error) + "\n", to: .err)
                    throw ExitCode(ErrorReport(error).status.rawValue)
                }
                // Another profile's API replaces it for the session; from the environment, any profile's does.
                let fromProfile = settings.sources["api"] == .profile(settings.profile)
                startProblem = StartProblem(
                    error, otherProfiles: config.profiles.map(\.name).filter { !fromProfile || $0 != settings.profile })
            }
        }
        // Said at start and by every command it refuses, in the shell too, which does not know what KOPS_PROFILE holds.
        if let problem = startProblem?.problem { startProblem?.problem = masked(problem) }
        // The interactive shell says it now; a script, `-c` or piped input says it once, in the line of the first command
        // it refuses (with its location), or at the end when none needed the API (tester47 L6: said twice).
        let interactiveShell = commands.isEmpty && self.script.words.isEmpty && terminal.stdinIsTTY
        if let startProblem, interactiveShell {
            stdout.write(ErrorReport(startProblem).line() + "\n", to: .err)
        } else if interactiveShell, !ownAPI,
            let hint = StartHint.line(key: settings.key, profiles: config.profiles.map(\.name), environment: environment)
        {
            // A first screen that says what to do when no project can be reached yet (tester51 G9).
            stdout.write(Self.wrapped(VisibleText.escaped(hint), environment: environment) + "\n", to: .err)
        }
        if !ownAPI, startProblem == nil, let note = GraphVersion.baseURLNote(
            settings.baseURL, source: settings.sources["api"]?.description, at: Self.wallClockMicros() / 1_000_000)
        {
            stdout.write(VisibleText.escaped(note) + "\n", to: .err)
        }
        if demoTranscript != nil || (demo && demoNeedsSimulator) {
            let key = "kops_demo_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            // The demo's clock is fixed (ids sequential), moved to this machine's time before each command line: a
            // command then runs at one instant, as `kops check` replays it on a clock pinned where it was recorded.
            let running: DemoSimulator
            do {
                running = try DemoSimulator(
                    key: key, pinnedClock: demoTranscript == nil ? pinnedRecording ?? Self.wallClockMicros() : demoTranscript?.seeded)
            } catch {
                stdout.write(error.message + "\n", to: .err)
                throw ExitCode(ExitStatus.unavailable.rawValue)
            }
            simulator = running
            if demoTranscript == nil {
                let line = "demo: kapso-sim at \(running.baseURL); API calls stay on this machine"
                stdout.write((interactiveShell ? Self.wrapped(line + StartHint.demo, environment: environment) : line) + "\n", to: .err)
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
            context.simulatorSeeded = simulator.seededAt
            if demoTranscript != nil || pinnedRecording != nil {
                context.moveSimulatorClock = { simulator.advanceClock(to: $0) }
            } else {
                context.beforeCommandLine = { simulator.advanceClockToWallTime() }
            }
        }
        context.environment = environment
        context.openReceiver = LocalReceiver.open
        context.config = config
        context.configFile = configFile
        // The demo's API is its own: a broken file changes nothing there.
        if simulator == nil { context.configProblem = configProblem }
        context.startProblem = startProblem
        let shell = Shell(
            context: context,
            renderer: Renderer(mode: session.output, width: terminal.width, color: terminal.color && settings.color),
            output: stdout)
        // `--verbose` masks what the shell masks, its learned secrets included (probe33 P33-5).
        if verbose { transport.observer = VerboseLog.observer { [unowned shell] in shell.redactor } }
        // Errors and hints fit standard error's terminal, whatever standard output is (a pipe, a file).
        shell.errorWidth = { TerminalFacts.currentWidth(of: 2, environment: environment) }
        if terminal.stdoutIsTTY {
            shell.terminalWidth = { TerminalFacts.currentWidth(environment: environment) }
            context.terminalWidth = { TerminalFacts.currentWidth(environment: environment) }
            // Cursor home, clear the screen and its scrollback: what `clear` does in a shell.
            context.clearScreen = { stdout.write("\u{1B}[H\u{1B}[2J\u{1B}[3J", to: .out) }
        }
        context.useKey(from: settings.key)
        // An API key given as the base URL (the variables swapped) is a secret wherever it appears (probe38 P38-2).
        if BaseURLSchemeError.looksLikeKey(settings.baseURL) { context.keepSecret(settings.baseURL) }
        Interrupts.install()
        context.interrupted = Interrupts.take
        context.interruptPresses = Interrupts.presses
        context.stopCommand = Interrupts.stopCommand
        context.holdTermination = Interrupts.holdTermination
        context.guardTranscriptBlock = Interrupts.guardTranscript
        context.releaseTermination = Interrupts.releaseTermination
        context.terminationReceived = Interrupts.terminationReceived
        script.setVariables(on: shell)
        // Writes on the built-in demo simulator reach no customer, so the demo needs no --allow-writes; a delivery to a
        // URL off this machine still does, outside the interactive shell (probe24 P24-8).
        var script = self.script
        context.offMachineNeedsPermission = demo && !script.allowWrites && !(commands.isEmpty && script.words.isEmpty && terminal.stdinIsTTY)
        // Suggested `kops check …` lines repeat the flags given (before `--demo` widens the write permission below).
        script.kops = suggestionPrefix(for: .check)
        context.kopsCommand = script.kops
        context.baseURLFlag = ownAPI ? nil : baseURL
        script.allowWrites = script.allowWrites || demo
        // The permission given here covers the scripts a `source` line runs (probe18 P18-30).
        shell.writesAllowed = script.allowWrites
        if terminal.stdinIsTTY && terminal.stderrIsTTY {
            // A password manager's api_key_command may ask for its passphrase at the terminal: it runs there, with the
            // spinner stopped so its prompt shows (probe16 P16-10).
            context.runKeyCommand = { [context] command throws(KeyCommand.Failure) in
                context.quietProgress()
                return try KeyCommand.runAtTerminal(command)
            }
            // Writes from a script or -c started at a terminal ask once; the interactive shell replaces this.
            context.confirmWrites = { question in
                stdout.write(question, to: .err)
                return PlainLineReader().confirm("")
            }
        }

        var status: ExitStatus
        // The lines `run` and `check` write themselves name the file as given: shown with its controls escaped (AE7).
        if let scripted = script.run(shell: shell, stderr: VisibleOutput(stdout)) {
            status = scripted
        } else if !commands.isEmpty {
            status = ScriptRunner(path: "-c", lines: ScriptLine.commands(in: commands), allowWrites: script.allowWrites)
                .run(on: shell).status
        } else if terminal.stdinIsTTY {
            let (historySize, sizeWarning) = HistoryFile.limit(environment: environment)
            if let sizeWarning { stdout.write(sizeWarning + "\n", to: .err) }
            // The demo keeps its own history, so demo commands never mix with a real project's.
            let history = HistoryFile.defaultPath(environment: environment, profile: demo ? "demo" : settings.profile).map {
                HistoryFile(path: $0, limit: historySize)
            }
            var historyWarned = true
            if let history, history.refusal == nil, history.readOnly {
                // Read, never written nor chmod-ed: the warning says what happens (probe24 P24-7).
                stdout.write("warning: history file \(VisibleText.escaped(history.path)) is read-only: kops reads it but adds nothing to it; this session's lines stay in memory\n", to: .err)
            } else if let history, let refusal = history.refusal ?? history.writeProblem {
                stdout.write("warning: history file \(VisibleText.escaped(history.path)) is not used: \(refusal); history stays in memory\n", to: .err)
            } else {
                historyWarned = false
            }
            let reader = EditLineReader(history: history) { before in
                Completion.candidates(lineBeforeCursor: before, registry: context.registry, ids: context.ids)
            }
            if historyWarned { reader.historyProblemSaid() }
            if terminal.stderrIsTTY {
                let progress = ProgressIndicator(label: client.host, mode: .init(environment: environment, noColor: noColor))
                reader.progress = progress
                stdout.progress = progress
                context.quietProgress = { progress.end() }
            }
            context.secretsLearned = { reader.forget($0) }
            context.confirm = reader.confirm
            context.confirmWrites = reader.confirm
            context.profileChanged = { name in
                reader.switchHistory(
                    to: HistoryFile.defaultPath(environment: environment, profile: name).map {
                        HistoryFile(path: $0, limit: historySize)
                    })
            }
            context.isInteractive = terminal.stderrIsTTY
            // At a terminal each error was already shown; leaving with Ctrl-D or exit is a success, unless standard
            // output took no more text (the loop ends there).
            status = shell.loop(reader: reader) == .outputFailed ? .outputFailed : .ok
        } else {
            // Piped commands are a script read as it comes: writes need --allow-writes, errors name <stdin>:LINE.
            shell.readOnly = !script.allowWrites
            status = shell.loop(reader: PlainLineReader(), source: "<stdin>")
        }
        if !interactiveShell, let startProblem = context.startProblem, !context.startProblemSaid {
            stdout.write(ErrorReport(startProblem).line() + "\n", to: .err)
        }
        status = Self.finalStatus(status, stdout: stdout, shell: shell)
        if status != .ok { throw ExitCode(status.rawValue) }
    }

    /// The settings `flags`, `environment` and `config` give, and the profile KOPS_PROFILE or default_profile named
    /// that config.toml does not have (nil when there is none): then the settings are those of no profile named, and
    /// 'profile use NAME' picks one in the shell (probe22 P22-15: every start ended there). A `--profile` typed now that
    /// is not there is thrown, as any bad flag value.
    static func resolve(flags: Settings.Flags, environment: [String: String], config: KopsConfig) throws
        -> (settings: Settings, unknownProfile: String?)
    {
        do {
            return (try Settings.resolve(flags: flags, environment: environment, config: config), nil)
        } catch {
            guard flags.profile == nil, case .unknownProfile(let name, _) = error else { throw error }
            var unnamed = config
            unnamed.defaultProfile = nil
            var environment = environment
            environment["KOPS_PROFILE"] = nil
            return (try Settings.resolve(flags: flags, environment: environment, config: unnamed), name)
        }
    }

    /// `line` wrapped at words to standard error's terminal width, as error lines are.
    static func wrapped(_ line: String, environment: [String: String]) -> String {
        TerminalFacts.currentWidth(of: 2, environment: environment).map { ProseWrap.lines(line, width: $0).joined(separator: "\n") } ?? line
    }

    /// `status`, once standard output's failure is said when no command did (a `kops check` diff, the summary of
    /// `kops run`): 74 where it would have been 0, so automation never reads a cut output as a success (probe20 P20-1).
    static func finalStatus(_ status: ExitStatus, stdout: StandardOutput, shell: Shell) -> ExitStatus {
        guard let reason = stdout.outputFailure else { return status }
        if !shell.reportedOutputFailure { shell.report(OutputError(reason: reason)) }
        return status == .ok ? .outputFailed : status
    }

    /// This machine's time in Unix microseconds.
    private static func wallClockMicros() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1_000
    }
}


public import KapsoClient
internal import Foundation
internal import KopsHTTP

/// What a command runs with: the session it may change, the shared client, and the terminal's facts.
public final class ShellContext {
    public var session: Session
    /// The API client; `profile use` replaces it (keeping the transport and its connections).
    public var client: KapsoClient {
        didSet { observeClient() }
    }
    /// How many parts of what kops showed since it started the API left unanswered, and the newest one's error
    /// (`noteUnanswered`): never shown, read before and after a line to know its output is partial.
    public internal(set) var unanswered: (count: Int, newest: String?) = (0, nil)
    /// kops's own GETs answered 404, left out of failure views; kept in the state folder once
    /// `environment` is set (in memory only without one).
    public lazy var ownLookups = OwnLookups(path: OwnLookups.defaultPath(environment: environment))
    public let registry: CommandRegistry
    /// True when the user asked to leave (`exit`, `quit`).
    public var exitRequested = false
    /// The current time in Unix seconds, for the 24-hour window: the API's clock from its latest
    /// response's `Date` header, else this machine's; tests pin it to the simulator's clock.
    public var now: () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// Asks a yes/no question before a write; the default answers yes, as scripts, pipes and `-c` do
    /// not ask (the interactive shell installs a prompt). A Ctrl-C at the question is a "no" (`answer`).
    public var confirm: (String) -> Bool {
        get { { [unowned self] question in self.answer(question) } }
        set { ask = newValue }
    }
    /// The question `confirm` asks with.
    private var ask: (String) -> Bool = { _ in true }
    /// The Ctrl-C presses that answered a question rather than stopped a command.
    public private(set) var answeredPresses = 0
    /// The Ctrl-C presses since kops started that stopped something: `interruptPresses` less those that answered a
    /// question. More after a command line than before says the line was stopped.
    public var stoppingPresses: Int { interruptPresses() - answeredPresses }
    /// Asks at a terminal whether a script, `source` or `-c` may run the commands that change data; nil where
    /// nobody can answer (piped input, no terminal), so they are refused without `--allow-writes`.
    /// The question is shown as `confirm`'s is: redacted, wrapped at the terminal's width (`shownQuestion`).
    public var confirmWrites: ((String) -> Bool)? {
        get { askWrites.map { ask in { [unowned self] question in ask(self.shownQuestion(question)) } } }
        set { askWrites = newValue }
    }
    /// The question `confirmWrites` asks with.
    private var askWrites: ((String) -> Bool)?
    /// Clears the terminal (`clear`); nil when output is not a terminal.
    public var clearScreen: (() -> Void)?
    /// The terminal's width in columns when output goes to one (nil otherwise), for commands that keep one line
    /// per event (`listen`).
    public var terminalWidth: () -> Int? = { nil }
    /// Stops the "waiting for HOST" spinner of the command in progress: for commands that wait for others
    /// (`listen`), not for an answer.
    public var quietProgress: () -> Void = {}
    /// Waits that many seconds between polls (`webhooks test` waiting for its delivery's answer, a `--follow`'s interval
    /// and back-off); tests make it instant. The default returns early, within 0.1 s, when Ctrl-C is pressed, so a long
    /// wait (a 429's `Retry-After`, up to 5 min) does not hold Ctrl-C back; the press stays for the next request to see.
    public var pause: (Double) -> Void = { _ in }
    /// True while a script runs without `--allow-writes` (`Shell.readOnly`).
    public var readOnly = false
    /// True for a `kops --demo` script, `-c` or piped input run without `--allow-writes`: writes to the demo simulator
    /// need no permission, but a delivery sent to a URL off this machine (`webhooks fire|probe`, `replay`, `listen
    /// --forward-to`) does, as anywhere else (probe24 P24-8: a demo script posted signed test events to a real handler).
    public var offMachineNeedsPermission = false
    /// True once such a `--demo` script or `-c` ran `profile use`: its writes go to that profile's API from then on and
    /// are refused without `--allow-writes`, as in any script, for the rest of the session (probe27 P27-23).
    public var leftDemoSimulator = false
    /// Takes a Ctrl-C pressed since the last call (set by the terminal layer), so a script stops between lines.
    public var interrupted: () -> Bool = { false }
    /// Stops the command in progress as Ctrl-C would, without counting a press (`interrupted` then takes it): standard
    /// output took no more text, so nothing the command goes on to fetch could be shown (set by the terminal layer).
    public var stopCommand: () -> Void = {}
    /// How many times Ctrl-C was pressed since kops started (neither `interrupted` nor a request it stopped resets it):
    /// more after a command line than before says the line was stopped (set by the terminal layer).
    public var interruptPresses: () -> Int = { 0 }
    /// While a command holds something it must undo when stopped (`listen --register`'s temporary webhook),
    /// SIGTERM and SIGHUP stop it like Ctrl-C (`holdTermination`); `releaseTermination`, after the undo, lets a
    /// signal that came end kops as it would have. No-ops where nothing can send them (tests).
    public var holdTermination: () -> Void = {}
    /// Names the transcript block open now (its file and the text that closes it), or nil once it is closed, so a
    /// termination signal closes it before kops ends (probe18 P18-8; set by the terminal layer, a no-op in tests).
    public var guardTranscriptBlock: ((path: String, closing: String)?) -> Void = { _ in }
    /// Webhook secrets kops generated this session (`webhooks create` without --secret-key), newest last: random on
    /// every run, so transcripts mask them without the tail other secrets show (probe18 P18-3).
    public var generatedSecrets: [String] = []
    public var releaseTermination: () -> Void = {}
    /// The signal number that came while termination was held (`holdTermination`), 0 if none (set by the terminal layer).
    public var terminationReceived: () -> Int32 = { 0 }
    /// Shows a partial result at once (a page of `--all`, new rows of `--follow`); set by `Shell.init`.
    public var emit: (CommandResult) -> Void = { _ in }
    /// True when a person is at a terminal: writes ask before deleting, `--follow` shows liveness on stderr.
    public var isInteractive = false
    /// Ids seen in results, for Tab completion (never fetched by completion itself).
    public var ids = IDCache()
    /// Lines typed in this session, oldest first, for `history` (secret ones included: this stays in memory).
    public var history: [String] = []
    /// The last command's result (redacted), for `assert` and `capture`.
    public var lastResult: CommandResult? {
        get {
            if let (result, redactor) = unredactedResult {
                var redacted = result
                redacted.json = result.json.map(redactor.redact)
                (redactedResult, unredactedResult) = (redacted, nil)
            }
            return redactedResult
        }
        set { (redactedResult, unredactedResult, failedCommand, unredactedJSON, resultCommand) = (newValue, nil, nil, nil, nil) }
    }
    /// The command (as `ScriptPolicy.label` names it) whose failure left no result, for `capture` and `assert` to
    /// name; nil when `lastResult` is a result or no command has run.
    public private(set) var failedCommand: String?
    private var redactedResult: CommandResult?
    /// A result kept with the redactor of its time, redacted at the first read of `lastResult`: most results are
    /// never asserted or captured, and nothing else prints their JSON outside JSON mode.
    private var unredactedResult: (CommandResult, Redactor)?
    /// The last result's JSON as the API answered it, secrets in clear: only for `capture` to tell a value kops
    /// masked (a secret, stored as its mask it would sign with `whsec_…26`) from one it shows as it is. Never printed.
    private(set) var unredactedJSON: JSONValue?
    /// The command (as `ScriptPolicy.label` names it) whose result `lastResult` is, for `capture` and `assert` to
    /// name when it holds no data (`help`).
    public private(set) var resultCommand: String?

    /// Keeps `result` as `lastResult`, redacted by `redactor` (as it is now) when first read; `command` ran it.
    func keepLastResult(_ result: CommandResult, redactingWith redactor: Redactor, command: String? = nil) {
        (redactedResult, unredactedResult, failedCommand) = (nil, (result, redactor), nil)
        (unredactedJSON, resultCommand) = (result.json, command)
    }

    /// Keeps `result`, redacted already, as `lastResult`; `unredacted` is its JSON before redaction.
    func keepLastResult(redacted result: CommandResult, unredacted: JSONValue?, command: String? = nil) {
        (redactedResult, unredactedResult, failedCommand) = (result, nil, nil)
        (unredactedJSON, resultCommand) = (unredacted, command)
    }

    /// Drops the last result after `command` failed, so nothing reads an older line's result as its own.
    func forgetLastResult(failed command: String) {
        (redactedResult, unredactedResult, failedCommand, unredactedJSON, resultCommand) = (nil, nil, command, nil, nil)
    }

    /// The one rule for a line that failed or was refused (`Shell.run(words:)`'s catch, `Shell.reportRefused`, a line
    /// the lexer or the line check refused), its `commands` as words (for a line that does not lex, its first
    /// blank-separated word): the last result is dropped, naming the first command that does not only read it
    /// (`Command.readsLastResult`: a failed `assert` or `capture` leaves it to the next). Every other failed command
    /// drops it, those that keep none (`set`, `source`) and those kops cannot name (a typo, an unclosed quote) included:
    /// `source MISSING.kops` or `set x` left the result of the line before to `assert` (tester59b AG12).
    func forgetLastResult(afterFailed commands: [[String]]) {
        let failed = commands.first { words in
            words.first.map { !((try? registry.command(named: $0))?.readsLastResult ?? false) } ?? false
        }
        if let failed { forgetLastResult(failed: ScriptPolicy.label(failed)) }
    }

    /// The last result's JSON for `capture` and `assert` (named `command`); throws when there is none, naming the
    /// failed command that left none, or the command whose result holds no data (`help`).
    func lastResultJSON(for command: String) throws(ScriptError) -> JSONValue {
        if let json = lastResult?.json { return json }
        throw ScriptError.noResult(command: command, failed: failedCommand, dataless: lastResult == nil ? nil : resultCommand)
    }
    /// The process environment, for `${env:NAME}`.
    public var environment: [String: String] = [:]
    /// Where the API host the client sends to came from, kept by `kops check` before it names the recording's sources on
    /// the session (`state` blocks replay as recorded); nil outside a replay. An error about the host names this one
    /// (`apiSource`): the recording's `flag --base-url` was no flag of the check's (tester59 AF12).
    var replayAPISource: String?
    /// The source of the API host the requests go to, for errors about that host: the replay's own during `kops check`.
    var apiSource: String? { replayAPISource ?? session.sources["api"] }
    /// The shell running in this context, for `source` and `record`; set by `Shell.init`.
    public internal(set) weak var shell: Shell?
    /// Whether a transcript is being recorded, not replayed: a `logs` page then leaves out kops's own calls from before the
    /// recording began, which a replay never makes (tester63 AN11, `OwnLookups.leftOut`).
    var isRecording: Bool { shell?.recorder.map { !$0.isReplay } ?? false }

    /// Profiles from config.toml and the file they came from (nil when there is no home folder).
    public var config = KopsConfig()
    public var configFile: ConfigFile?
    /// Why config.toml could not be read at start (the error's line), or nil: while set, no command sends a request
    /// (`needsKey`) and `profile use` names it, since the file's profiles and default profile are unknown.
    public var configProblem: String?
    /// A setting read at start that kops cannot use (a malformed base URL from the environment or a profile, an unknown
    /// profile in `KOPS_PROFILE`), said once at start: while set, no command sends a request (`needsKey` throws it);
    /// `profile use` of a usable profile clears it.
    public var startProblem: StartProblem?
    /// True once a command's refusal with `startProblem` was reported (`Shell.report`, with the command's location): a
    /// script, `-c` or piped input then says the problem in that one line, not again at start or end (tester47 L6).
    public var startProblemSaid = false
    /// Where the API key comes from; `needsKey` looks it up before the first command that sends a request.
    public var keyOrigin = KeyOrigin.none(profile: nil)
    /// True once the client holds the key of `keyOrigin`.
    public var keyInHand = false
    /// True once a command needed the API key and none was found (`CredentialError.noKey`): `kops check` of a transcript
    /// then says nothing was sent and exits 64, as such a command does, never 0 (fix49's leftover).
    public var keyWasMissing = false
    /// Runs a profile's `api_key_command` (status, output); tests replace it.
    public var runKeyCommand: (String) throws(KeyCommand.Failure) -> KeyCommand.Answer = KeyCommand.run
    /// The demo simulator's clock in Unix microseconds, written before each recorded command so
    /// `kops check` can replay the transcript at the same instants; nil on any other API.
    public var simulatorClock: (() -> Int64)?
    /// When the demo simulator seeded its data, Unix microseconds.
    public var simulatorSeeded: Int64?
    /// Runs before each top-level command line: `kops --demo` moves its simulator's clock to this machine's time
    /// here, so the clock stands still during a command and a recorded command replays at one instant.
    public var beforeCommandLine: (() -> Void)?
    /// Told the values the redactor learned as secrets after the lines that hold them were written (probe14 P14-4):
    /// the executable drops those lines from the history file.
    public var secretsLearned: (([String]) -> Void)?
    /// Moves the demo simulator's clock forward to an instant (`kops check` of a demo transcript).
    public var moveSimulatorClock: ((Int64) -> Void)?
    /// Opens the local HTTP server behind `listen` (set by the executable); nil where none is available.
    public var openReceiver: ReceiverOpener?
    /// Told the new profile's name after `profile use`, e.g. so the terminal switches history files.
    public var profileChanged: (String) -> Void = { _ in }
    /// How a `kops …` line a command suggests starts: `kops` and the launch flags that decide where and how it runs
    /// (`kops --profile acme`, `kops --base-url http://127.0.0.1:8080`), so the line pastes back and reaches the same
    /// API (session 26: `bundle`'s "check it with 'kops check …'" left them out). Set at launch; `kops` in tests.
    public var kopsCommand = "kops"
    /// The `--base-url` typed on kops's command line, if any: it comes before any profile's base_url, for `profile use`
    /// as at start (flags > environment > profile).
    public var baseURLFlag: String?

    public init(session: Session, client: KapsoClient, registry: CommandRegistry) {
        self.session = session
        self.client = client
        self.registry = registry
        // A client built with its key (tests, `kops verify`) needs no look-up.
        keyInHand = !client.apiKey.isEmpty
        now = { [unowned self] in self.client.serverTime ?? Int64(Date().timeIntervalSince1970) }
        pause = { [unowned self] seconds in
            let presses = self.interruptPresses()
            let end = Date(timeIntervalSinceNow: seconds)
            // A held SIGTERM or SIGHUP ends the wait too, so a follow stops at once, not at its next poll (AN15).
            while self.interruptPresses() == presses, self.terminationReceived() == 0 {
                let left = end.timeIntervalSinceNow
                guard left > 0 else { return }
                // Thread.sleep resumes after a signal until its time is up: short naps let a press be seen.
                Thread.sleep(forTimeInterval: min(left, 0.1))
            }
        }
        observeClient()
    }

    /// Has the client tell of its 404s (`noteOwnLookups`) and of every answer it reads, at start and for the client
    /// `profile use` puts in place.
    private func observeClient() {
        noteOwnLookups()
        client.failed = { [unowned self] _, _, error in
            if ErrorReport.isNoAnswer(error) { self.noteUnanswered(ErrorReport(error).message) }
        }
        // What kops reads to phrase an answer (`sent … to Dana Ortiz`: the name from a conversation look-up) is
        // personal data a recording must mask like what a result holds.
        // And every answer teaches the shell's redactor its secrets (a URL's password, a secret-named field), whichever
        // output form the command then shows: a command's own `--output table` dropped its result's JSON before the
        // shell learned from it, and printed what the default view masked (probe38 P38-10).
        client.received = { [unowned self] json, source in
            self.shell?.redactor.learn(from: json, source: source)
            self.shell?.recorder?.masker?.learn(from: json)
        }
    }

    /// Has the client tell `ownLookups` of each GET answered 404, and of each other GET with an id in its path.
    private func noteOwnLookups() {
        let host = client.baseURL
        client.notFound = { [unowned self] method, path, time in
            self.ownLookups.note(method: method, host: host, path: path, time: time ?? Int64(Date().timeIntervalSince1970))
        }
        // A read by id that answered (a WABA's templates): noted with its status, so `whois ID` does not count it
        // among the project's calls with the id in the path (probe6 P6-10). Lists without an id are not noted.
        client.answered = { [unowned self] status, path, time in
            guard OwnLookups.hasID(path) else { return }
            self.ownLookups.note(
                method: "GET", host: host, path: path, time: time ?? Int64(Date().timeIntervalSince1970), status: status)
        }
        // Every other request (a list, a write, a follow's poll): noted only to mark kops's own calls in `logs`, `logs
        // search` and `bundle` (P45-8); the two above are look-ups already.
        client.responded = { [unowned self] method, status, path, time in
            guard method != "GET" || (status != 404 && !OwnLookups.hasID(path)) else { return }
            self.ownLookups.note(
                method: method, host: host, path: path, time: time ?? Int64(Date().timeIntervalSince1970), status: status, lookUp: false)
        }
    }
}

extension ShellContext {
    /// `ask(question)`, a Ctrl-C pressed at it answering no: the press is spent on the question, so the line is not
    /// said to be stopped, and its transcript block is not marked partial (probe29 P29-21: "not deleted", then
    /// "stopped with Ctrl-C: what 'webhooks' showed may be incomplete").
    /// `question` as it is asked. A question is a line kops prints, and often the one screenshot to ask "should I say
    /// y?": it names a URL's password, `?token=` or hook key only as every other line does (probe38 P38-16). At a
    /// terminal it wraps at words as other lines do (`ProseWrap.question`, probe38 P38-15): its lines but the last are
    /// written on standard error here, and the last is returned, to be asked on.
    func shownQuestion(_ question: String) -> String {
        // Questions name API text (a webhook's URL, a contact's name, a stored header's name): escaped as all other output
        // is, wrapped or not (tester55 X12: the wrapped lines went to the terminal raw and set its title).
        let redacted = VisibleText.escaped((shell?.redactor ?? Redactor()).redact(question))
        guard let shell, let width = shell.errorWidth.map({ $0() }) ?? shell.terminalWidth?() else { return redacted }
        let (lead, prompt) = ProseWrap.question(redacted, width: width)
        if !lead.isEmpty { shell.output.write(lead, to: .err) }
        return prompt
    }

    fileprivate func answer(_ question: String) -> Bool {
        let before = interruptPresses()
        let yes = ask(shownQuestion(question))
        let pressed = interruptPresses() - before
        guard pressed > 0 else { return yes }
        answeredPresses += pressed
        _ = interrupted()
        return false
    }
}

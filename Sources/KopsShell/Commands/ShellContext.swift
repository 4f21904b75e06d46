public import KapsoClient
internal import Foundation

/// What a command runs with: the session it may change, the shared client, and the terminal's facts.
public final class ShellContext {
    public var session: Session
    public let client: KapsoClient
    public let registry: CommandRegistry
    /// True when the user asked to leave (`exit`, `quit`).
    public var exitRequested = false
    /// The last command's result (redacted), for `assert` and `capture`.
    public var lastResult: CommandResult?
    /// The process environment, for `${env:NAME}`.
    public var environment: [String: String] = [:]
    /// The shell running in this context, for `source` and `record`; set by `Shell.init`.
    public internal(set) weak var shell: Shell?
    /// The current time in Unix seconds, for the 24-hour window: the API's clock from its latest
    /// response's `Date` header, else this machine's; tests pin it to the simulator's clock.
    public var now: () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// Asks a yes/no question before a write; the default answers yes, as scripts, pipes and `-c` do
    /// not ask (the interactive shell installs a prompt).
    public var confirm: (String) -> Bool = { _ in true }
    /// Shows a partial result at once (a page of `--all`, new rows of `--follow`); set by `Shell.init`.
    public var emit: (CommandResult) -> Void = { _ in }
    /// True when a person is at a terminal: writes ask before deleting, `--follow` shows liveness on stderr.
    public var isInteractive = false

    public init(session: Session, client: KapsoClient, registry: CommandRegistry) {
        self.session = session
        self.client = client
        self.registry = registry
        now = { [unowned self] in self.client.serverTime ?? Int64(Date().timeIntervalSince1970) }
    }
}

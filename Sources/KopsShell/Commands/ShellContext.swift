public import KapsoClient

/// What a command runs with: the session it may change, the shared client, and the terminal's facts.
public final class ShellContext {
    public var session: Session
    public let client: KapsoClient
    public let registry: CommandRegistry
    /// True when the user asked to leave (`exit`, `quit`).
    public var exitRequested = false

    public init(session: Session, client: KapsoClient, registry: CommandRegistry) {
        self.session = session
        self.client = client
        self.registry = registry
    }
}

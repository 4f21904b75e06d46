/// The commands the shell knows, looked up by name, with "did you mean" for typos.
public struct CommandRegistry: Sendable {
    public let commands: [any Command.Type]
    private let aliases: [String: String]

    public init(commands: [any Command.Type], aliases: [String: String] = [:]) {
        self.commands = commands
        self.aliases = aliases
    }

    /// Every command of this version of kops.
    public static let standard = CommandRegistry(
        commands: [
            HelpCommand.self, StateCommand.self, NumbersCommand.self, UseCommand.self, HealthCommand.self,
            WebhooksCommand.self, DeliveriesCommand.self, LogsCommand.self, ErrorsCommand.self, OverviewCommand.self,
            NextCommand.self, OutputCommand.self, ProfileCommand.self, HistoryCommand.self, RefreshCommand.self,
            ClearCommand.self, ExitCommand.self, CompletionsCommand.self,
            ExplainCommand.self, VerifyCommand.self, PayloadCommand.self,
            SetCommand.self, UnsetCommand.self, SourceCommand.self, AssertCommand.self, CaptureCommand.self,
            RecordCommand.self,
            BundleCommand.self,
            MessagesCommand.self, MessageCommand.self, ConversationsCommand.self, ConversationCommand.self,
            TraceCommand.self, ReplyCommand.self, WhoisCommand.self, TemplatesCommand.self, TemplateCommand.self,
            SimCommand.self, ListenCommand.self, ReplayCommand.self,
        ],
        aliases: ["quit": "exit", "?": "help", "id": "whois"])

    public func command(named name: String) throws(ShellError) -> any Command.Type {
        let wanted = aliases[name] ?? name
        if let command = commands.first(where: { $0.name == wanted }) { return command }
        throw .unknownCommand(name: name, suggestion: Suggestion.closest(to: name, in: names))
    }

    /// Command names and aliases, for completion and suggestions.
    public var names: [String] { commands.map { $0.name } + aliases.keys.sorted() }
}

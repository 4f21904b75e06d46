internal import KapsoDiagnostics

/// `help [command]`: the command list, or one command's usage, flags and examples.
public enum HelpCommand: Command {
    public static let name = "help"
    public static let summary = "list commands, or show how to use one"
    public static let sendsRequests = false
    public static let usage = "help [command | topics | TOPIC]"
    public static let details = "Examples:\n  help\n  help webhooks\n  help topics\n  help exit-codes"
    /// Words after the first are read too: `help webhooks create` (a subcommand: the command's page, as `webhooks
    /// create --help` shows it) and `help log search` (the `log-search` topic) were usage errors (probe34 P34-10).
    public static let maxArguments: Int? = nil
    public static let flagsAfterFirstWordAreWords = true

    /// What `help WORDS…` shows.
    enum Page: Equatable {
        case commands
        case topics
        case topic(String)
        /// A command's page (the words typed after its name, a subcommand, are on it).
        case command(String)
        /// An error code `explain` knows (`help 131047`): its explanation, with a line naming `explain`.
        case errorCode(String)
    }

    /// The page `words` ask for: a topic by its words joined with `-` (`log search`), else a command by the first word
    /// (`webhooks create`: the subcommand's words are the command's page), else an error code of kops's catalogue; an
    /// unknown word is refused with "did you mean", as before.
    static func page(_ words: [String], registry: CommandRegistry) throws -> Page {
        guard let first = words.first else { return .commands }
        if words == ["topics"] { return .topics }
        if HelpTopics.text(words.joined(separator: "-")) != nil { return .topic(words.joined(separator: "-")) }
        if let command = try? registry.command(named: first) { return .command(command.name) }
        let text = words.joined(separator: " ")
        if let pasted = PastedError(text), ErrorCatalog.entry(for: pasted.code) != nil { return .errorCode(text) }
        _ = try registry.command(named: first)
        return .commands
    }

    /// A name that is neither a topic nor a command is refused ("did you mean").
    public static func validate(_ arguments: Arguments) throws {
        _ = try page(arguments.positionals, registry: .standard)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let registry = context.registry
        // Every page is `.help` text: its paragraphs are reflowed to the terminal's width, or 80 columns without one
        // (`HelpText`); the source's line breaks inside a paragraph are not kept (probe22 P22-13).
        let name: String
        switch try page(arguments.positionals, registry: registry) {
        case .commands: return commandList(registry)
        case .topics: return topicList()
        case .topic(let topic): return CommandResult(blocks: [.help(HelpTopics.text(topic) ?? "")])
        case .command(let command): name = command
        case .errorCode(let code):
            // What was meant is the code's meaning: shown, with the command that shows it (no request is sent).
            var result = try ExplainCommand.run(Arguments(command: ExplainCommand.self, words: [code]), in: context)
            result.blocks.append(.hint("'\(ShellWord.command(ExplainCommand.name, code))' shows this: help is for commands and topics"))
            return result
        }
        let command = try registry.command(named: name)
        var result = commandPage(command)
        if let extra = unreadWord(arguments.positionals, usage: command.usage) {
            // A flag is no subcommand: said as the flag it is (`help trace --foo`, session 65's fixB note).
            result.blocks.append(
                .hint(
                    extra.hasPrefix("-")
                        ? "\(name) has no flag '\(Shortened.text(extra))': this is \(name)'s page, with the flags it takes"
                        : "'\(Shortened.text(extra))' is no subcommand of \(name): this is \(name)'s page"))
        }
        return result
    }

    /// The first word after a command's name that its page does not read: `help trace extra` showed trace's page without
    /// a word (tester63b AO12). A subcommand (`help webhooks create`, `help deliveries stats`) is a word of the usage.
    static func unreadWord(_ words: [String], usage: String) -> String? {
        let usageWords = Set(usage.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
        return words.dropFirst().first { !usageWords.contains($0) }
    }

    /// `help`: each command with its summary.
    private static func commandList(_ registry: CommandRegistry) -> CommandResult {
        let width = registry.commands.map { $0.name.count }.max() ?? 0
        let lines = registry.commands.map { command in
            command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary
        }
        return CommandResult(
            blocks: [.help(lines.joined(separator: "\n")),
                .hint("'help COMMAND' shows flags and examples; 'help topics' lists the other pages")])
    }

    /// `help topics`: each topic with its one line.
    private static func topicList() -> CommandResult {
        let lines = HelpTopics.all.map { topic in
            let summary = HelpTopics.summaries[topic.name].map { "  " + $0 } ?? ""
            return topic.name + String(repeating: " ", count: max(0, 13 - topic.name.count)) + summary
        }
        return CommandResult(blocks: [.help(lines.joined(separator: "\n")), .hint("'help TOPIC' shows one")])
    }

    /// `help COMMAND`: usage, summary, flags and details.
    private static func commandPage(_ command: any Command.Type) -> CommandResult {
        // Usage, summary, flags and details are read apart: no paragraph runs from one into the next.
        var blocks: [Block] = [.help("usage: " + command.usage), .help(command.summary)]
        if !command.flags.isEmpty {
            // Descriptions line up after the labels that fit `labelColumns`; a longer label (a flag with many
            // choices) stands on its own lines, broken after a `|`, its description under it, so no line is
            // wider than 80 columns because of it, on a terminal or piped.
            let width = command.flags.map { flagLabel($0).count }.filter { $0 <= labelColumns }.max() ?? labelColumns
            var lines = ["flags:"]
            for flag in command.flags {
                let label = flagLabel(flag)
                if label.count <= width {
                    lines.append("  " + label + String(repeating: " ", count: width - label.count + 2) + flag.help)
                } else {
                    lines += brokenLabel(flag, columns: 76).map { "  " + $0 }
                    lines.append(String(repeating: " ", count: width + 4) + flag.help)
                }
            }
            blocks.append(.help(lines.joined(separator: "\n")))
        }
        if !command.details.isEmpty {
            blocks.append(.help(command.details))
        }
        return CommandResult(blocks: blocks)
    }

    /// The widest flag label that keeps its description on its line.
    static let labelColumns = 26

    /// `--type text|image|…|revoke` as lines of at most `columns`, broken after a `|`, continuations under the value.
    private static func brokenLabel(_ flag: FlagSpec, columns: Int) -> [String] {
        let label = flagLabel(flag)
        guard let value = flag.valueName, label.count > columns else { return [label] }
        let indent = String(repeating: " ", count: flag.name.count + 1)
        var lines: [String] = []
        var current = flag.name + " "
        for (index, choice) in value.split(separator: "|").enumerated() {
            if index > 0, current.count + 1 + choice.count > columns {
                lines.append(current + "|")
                current = indent + choice
            } else {
                current += (index == 0 ? "" : "|") + choice
            }
        }
        return lines + [current]
    }

    private static func flagLabel(_ flag: FlagSpec) -> String {
        flag.valueName.map { "\(flag.name) \($0)" } ?? flag.name
    }
}

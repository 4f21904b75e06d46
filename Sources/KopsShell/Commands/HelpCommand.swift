/// `help [command]`: the command list, or one command's usage, flags and examples.
public enum HelpCommand: Command {
    public static let name = "help"
    public static let summary = "list commands, or show how to use one"
    public static let sendsRequests = false
    public static let usage = "help [command | topics | TOPIC]"
    public static let details = "Examples:\n  help\n  help webhooks\n  help topics\n  help exit-codes"
    public static let maxArguments: Int? = 1

    /// A name that is neither a topic nor a command is refused ("did you mean").
    public static func validate(_ arguments: Arguments) throws {
        guard let name = arguments.positionals.first, name != "topics", HelpTopics.text(name) == nil else { return }
        _ = try CommandRegistry.standard.command(named: name)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let registry = context.registry
        // Every page is `.help` text: its paragraphs are reflowed to the terminal's width, or 80 columns without one
        // (`HelpText`); the source's line breaks inside a paragraph are not kept (probe22 P22-13).
        guard let name = arguments.positionals.first else {
            let width = registry.commands.map { $0.name.count }.max() ?? 0
            let lines = registry.commands.map { command in
                command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary
            }
            return CommandResult(
                blocks: [.help(lines.joined(separator: "\n")),
                    .hint("'help COMMAND' shows flags and examples; 'help topics' lists the other pages")])
        }
        if name == "topics" {
            let lines = HelpTopics.all.map { topic in
                let summary = HelpTopics.summaries[topic.name].map { "  " + $0 } ?? ""
                return topic.name + String(repeating: " ", count: max(0, 13 - topic.name.count)) + summary
            }
            return CommandResult(blocks: [.help(lines.joined(separator: "\n")), .hint("'help TOPIC' shows one")])
        }
        if let text = HelpTopics.text(name) {
            return CommandResult(blocks: [.help(text)])
        }
        let command = try registry.command(named: name)
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

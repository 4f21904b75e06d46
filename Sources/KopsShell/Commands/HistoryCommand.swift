/// `history [N]`: the lines typed in this session, numbered (Up-arrow recalls them too).
public enum HistoryCommand: Command {
    public static let name = "history"
    public static let summary = "list the lines typed in this session"
    public static let sendsRequests = false
    public static let usage = "history [N]"
    public static let details = """
        Lines starting with a space, and lines carrying secrets (--secret, --secret-key, token-shaped
        words), are listed here (masked) and recalled with Up, but never written to the history file.
        A line refused because it holds a secret is not kept at all.
        Examples:
          history
          history 5
        """
    public static let maxArguments: Int? = 1

    public static func validate(_ arguments: Arguments) throws { _ = try wanted(arguments) }

    /// The count asked for, nil for all; anything but a whole number above 0 is refused.
    private static func wanted(_ arguments: Arguments) throws(ShellError) -> Int? {
        guard let text = arguments.positionals.first else { return nil }
        guard let wanted = Int(text), wanted > 0 else {
            throw .invalidValue(command: name, what: "count", value: text, expected: "a whole number above 0")
        }
        return wanted
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        // The line that ran `history` itself is the last entry; leave it out.
        let lines = Array(context.history.dropLast())
        let count = min(try wanted(arguments) ?? lines.count, lines.count)
        let first = lines.count - count
        let width = String(lines.count).count
        let shown = lines[first...].enumerated().map { offset, line in
            let number = String(first + offset + 1)
            return Block.line(StyledText(String(repeating: " ", count: width - number.count) + number + "  " + line))
        }
        return CommandResult(blocks: shown.isEmpty ? [.hint("no lines yet")] : shown)
    }
}

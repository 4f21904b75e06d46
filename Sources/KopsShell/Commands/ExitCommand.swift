/// `exit` (or `quit`): leave the shell.
public enum ExitCommand: Command {
    public static let name = "exit"
    public static let summary = "leave the shell (also: quit, Ctrl-D)"
    public static let sendsRequests = false
    public static let usage = "exit"

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        context.exitRequested = true
        return CommandResult()
    }
}

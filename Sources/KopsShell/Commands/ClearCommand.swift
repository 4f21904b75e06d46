/// `clear`: clears the terminal (as Ctrl-L does at the prompt); does nothing when output is not a terminal.
public enum ClearCommand: Command {
    public static let name = "clear"
    public static let summary = "clear the screen (also Ctrl-L)"
    public static let sendsRequests = false
    public static let usage = "clear"

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        context.clearScreen?()
        return CommandResult()
    }
}

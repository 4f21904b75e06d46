/// `unset NAME...`: forgets session variables.
public enum UnsetCommand: ScriptCommand {
    public static let name = "unset"
    public static let summary = "forget variables set with set or capture"
    public static let sendsRequests = false
    public static let usage = "unset NAME..."
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws {
        guard !arguments.positionals.isEmpty else {
            throw ShellError.missingArgument(command: name, what: "variable name", usage: usage)
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        for variable in arguments.positionals { context.session.variables[variable] = nil }
        return CommandResult()
    }
}

/// `output table|json`: how results are printed from now on.
public enum OutputCommand: Command {
    public static let name = "output"
    public static let summary = "choose how results are printed: table or json"
    public static let usage = "output [table|json]"
    public static let maxArguments: Int? = 1

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let word = arguments.positionals.first else {
            return .line("output: " + context.session.output.rawValue)
        }
        guard let mode = OutputMode(rawValue: word) else {
            throw ShellError.invalidValue(command: name, what: "mode", value: word, expected: "'table' or 'json'")
        }
        context.session.output = mode
        return CommandResult(blocks: [.hint("output: \(mode.rawValue)")])
    }
}

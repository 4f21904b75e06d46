/// `output table|json`: how results are printed from now on.
public enum OutputCommand: Command {
    public static let name = "output"
    public static let summary = "choose how results are printed: table, json, expanded or auto"
    public static let sendsRequests = false
    public static let usage = "output [table|json|expanded|auto]"
    public static let details = """
        table     tables fitted to the terminal (long ids and URLs shortened in the middle with …)
        json      the API's JSON, secrets masked, and nothing else on standard output (notes, help and
                  errors go to standard error); a list prints its page as one document; with --all, every
                  list prints one object per line (NDJSON), and one cut short (Ctrl-C, a page that failed)
                  ends with a {"kops_incomplete": ...} line and a non-zero exit status
        expanded  one field per line for every row, like psql's \\x
        auto      tables, or expanded when a table would not fit the terminal
        """
    public static let maxArguments: Int? = 1

    public static func validate(_ arguments: Arguments) throws { _ = try mode(arguments) }

    /// The mode named, nil when none was; an unknown name is refused.
    private static func mode(_ arguments: Arguments) throws(ShellError) -> OutputMode? {
        guard let word = arguments.positionals.first else { return nil }
        guard let mode = OutputMode(rawValue: word) else {
            throw .invalidValue(command: name, what: "mode", value: word, expected: "'table', 'json', 'expanded' or 'auto'")
        }
        return mode
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let mode = try mode(arguments) else {
            return .line("output: " + context.session.output.rawValue)
        }
        context.session.output = mode
        // `state` names this command as the mode's source from now on, as `use` is named for the number (probe22 P22-8:
        // it still said `flag --output` or `default`).
        context.session.sources["output"] = name
        return CommandResult(blocks: [.hint("output: \(mode.rawValue)")])
    }
}

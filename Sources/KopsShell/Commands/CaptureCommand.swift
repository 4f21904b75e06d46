internal import KapsoClient

/// `capture PATH as NAME`: stores a value of the last result in a session variable, for `${NAME}`.
public enum CaptureCommand: ScriptCommand {
    public static let name = "capture"
    public static let summary = "store a value of the last result in a variable, for ${NAME}"
    public static let sendsRequests = false
    public static let readsLastResult = true
    public static let usage = "capture PATH as NAME"
    public static let details = """
        Strings are stored as their text, other values as compact JSON. A secret kops masks in the
        result is not captured (the mask is not the value), unless the result showed it: 'webhooks
        get ID --reveal-secret', or the secret 'webhooks create' generated; then the variable holds the
        secret and every output, transcript and history still masks it.
        Examples:
          webhooks --scope project
          capture .data[0].id as hook
          webhooks get ${hook}
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws { _ = try parsed(arguments) }

    /// `PATH as NAME` read from the arguments: a missing `as NAME`, a bad name or a malformed path is refused.
    private static func parsed(_ arguments: Arguments) throws -> (path: ResultPath, variable: String) {
        let words = arguments.positionals
        // `as` then a path (`capture hook as .id`): the name and the path swapped, said with the line meant.
        guard let asIndex = words.lastIndex(of: "as"), asIndex > 0, asIndex == words.count - 2,
            !(words[asIndex + 1].hasPrefix(".") && !words[0].hasPrefix("."))
        else {
            if words.count == 2, words[1] == "as" {
                throw ShellError.missingArgument(command: Self.name, what: "NAME after 'as' (capture \(words[0]) as NAME)", usage: usage)
            }
            throw misordered(words)
        }
        let variable = words[asIndex + 1]
        guard Interpolation.isName(variable) else {
            throw ShellError.invalidValue(
                command: name, what: "variable name", value: variable, expected: "letters, digits, '_', '-' or '.'")
        }
        return (try ResultPath(words[..<asIndex].joined(separator: " ")), variable)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let (path, variable) = try parsed(arguments)
        let json = try context.lastResultJSON(for: name)
        guard let value = path.value(in: json) else { throw ScriptError.missingValue(path: path.text) }
        // The result as shown is redacted: a value that differs from the API's is a secret kops masked (probe12 P12-4).
        guard let original = context.unredactedJSON.flatMap(path.value(in:)), original != value else {
            context.session.variables[variable] = value.scalarText
            return CommandResult(blocks: [.hint("\(variable) = \(value.scalarText)")])
        }
        guard let secret = context.lastResult?.revealedSecret, original.string == secret else {
            // A whole object or list keeps its secrets masked however it was shown: its fields one by one, then.
            let isText = value.string != nil
            throw ScriptError.maskedValue(path: path.text, isText: isText, reveal: isText ? revealing(context.resultCommand) : nil)
        }
        // Revealed on the terminal, so the user has it; kept in the variable, masked in every sink as before.
        context.keepSecret(secret)
        context.session.variables[variable] = secret
        return CommandResult(blocks: [.hint("\(variable) = \(value.scalarText) (the secret itself; kops prints it masked)")])
    }

    /// The refusal of words in another order or joined by another word than `as` (probe24 P24-5, probe25 P25-18,
    /// probe43 P43-9), with the line meant (`corrected`), which `capture` accepts: the path there and `as` not
    /// (`capture .id hook`), another word where `as` goes (`capture .id into h`), or the name first (`capture W = id`).
    static func misordered(_ words: [String]) -> ShellError {
        guard let line = corrected(words), let last = words.last else {
            return .missingArgument(command: name, what: "PATH as NAME", usage: usage)
        }
        let pathFirst = line.hasSuffix(" as \(last)") && line.hasPrefix("capture \(words[0]) ")
        if pathFirst, words.count == 2 {
            return .missingArgument(command: name, what: "'as' between the path and the name (\(line))", usage: usage)
        }
        if pathFirst, words.count == 3 {
            return .invalidValue(command: name, what: "word between \(words[0]) and \(words[2])", value: words[1], expected: "'as': \(line)")
        }
        return .invalidValue(command: name, what: "order", value: words.joined(separator: " "), expected: "PATH as NAME: \(line)")
    }

    /// The command that shows the secret `command`'s result masks, when kops has one: `webhooks get ID --reveal-secret`.
    static func revealing(_ command: String?) -> String? {
        command.map { $0.hasPrefix("webhooks") } == true ? "webhooks get ID --reveal-secret" : nil
    }
}

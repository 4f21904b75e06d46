internal import KapsoDiagnostics
internal import KopsHTTP

/// `set [NAME VALUE]`: sets a session variable for `${NAME}`, or lists them; `set on_error continue` keeps
/// a script going past failures.
public enum SetCommand: ScriptCommand {
    public static let name = "set"
    public static let summary = "set a variable for ${NAME}, or list them"
    public static let sendsRequests = false
    public static let usage = "set [--default] [NAME VALUE...]"
    public static let details = """
        'set on_error continue' makes a script run on after a failing line ('set on_error stop' undoes it).
        --default sets a variable only if it has no value yet, so 'kops run --var' can override a script's default.
        Examples:
          set hook 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70
          webhooks get ${hook}
        """
    public static let maxArguments: Int? = nil
    public static let flags = [FlagSpec("--default", help: "set only if the variable has no value yet")]
    /// The most bytes one variable may hold (64 KiB): ids, names and short texts, not documents.
    public static let maxValueBytes = 64 << 10

    public static func validate(_ arguments: Arguments) throws { _ = try assignment(arguments) }

    /// `NAME VALUE` read from the arguments (nil for a bare `set`): a bad name, a missing or oversized value, or
    /// an `on_error` other than continue/stop is refused.
    private static func assignment(_ arguments: Arguments) throws -> (name: String, value: String)? {
        let words = arguments.positionals
        guard let variable = words.first else { return nil }
        guard Interpolation.isName(variable) else {
            // `kops run --var NAME=VALUE` spells it with `=`; here it is two words.
            if let equals = variable.firstIndex(of: "="), Interpolation.isName(String(variable[..<equals])) {
                throw ShellError.invalidValue(
                    command: name, what: "variable name", value: variable[..<equals] + "=…",
                    expected: "NAME and VALUE as two words: set \(variable[..<equals]) VALUE")
            }
            throw ShellError.invalidValue(
                command: name, what: "variable name", value: variable, expected: "letters, digits, '_', '-' or '.'")
        }
        guard words.count > 1 else { throw ShellError.missingArgument(command: name, what: "VALUE", usage: usage) }
        // `set ms = VALUE` (a shell, Python or Make habit) would store "= VALUE" and a secret kept so would fail
        // every check it is used in (probe14 P14-5); a value that really starts with '=' is written without the space.
        if words.count > 2, words[1] == "=" {
            throw ShellError.invalidValue(
                command: name, what: "value", value: "= …",
                expected: "the value alone, no '=': set \(variable) VALUE")
        }
        let value = words.dropFirst().joined(separator: " ")
        guard value.utf8.count <= maxValueBytes else {
            throw ScriptError.variableTooLarge(name: variable, limit: maxValueBytes)
        }
        if variable == "on_error", !["continue", "stop"].contains(value) {
            throw ShellError.invalidValue(
                command: name, what: "value for on_error", value: value, expected: "'continue' or 'stop'")
        }
        try refuseMasked(value, variable: variable)
        return (variable, value)
    }

    /// Refuses a value copied from kops's output (`MaskedInput`): any mask in a variable whose name says secret
    /// (`set hook_secret whsec_…23`), and `<redacted>` or a whole masked form (`…34`) in any other, which kops prints only
    /// in place of a value. Set so, `${hook_secret}` would carry the mask into `webhooks update --secret-key` or `verify`
    /// (probe42 P42-3). Also `kops --var NAME=VALUE` (`command` `--var`).
    public static func refuseMasked(_ value: String, variable: String, command: String = name) throws(ShellError) {
        guard let masked = MaskedInput.read(value) else { return }
        let secretName = Redactor.isSecretName(variable)
        guard secretName || masked.mark == Secret.redactedText || (masked.shown != nil && !masked.isPlaceholder) else { return }
        throw .maskedValue(
            command: command, subject: "the value of '\(variable)'", masked: masked, thing: "the value it stands for",
            fix: "nothing was set; set it to the value in full"
                + (secretName ? " ('\(MaskedInput.revealCommand())' shows a webhook's secret)" : ""))
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let words = arguments.positionals
        guard let variable = words.first else {
            let variables = context.session.variables.sorted { $0.key < $1.key }
            guard !variables.isEmpty else {
                return CommandResult(blocks: [.hint("no variables; set one with 'set NAME VALUE'")])
            }
            // A secret-looking variable's value is never listed, however short (the redactor only learns values of 6+).
            return CommandResult(blocks: [
                .fields(variables.map { Field($0.key, Redactor.isSecretName($0.key) ? "<redacted>" : $0.value) })
            ])
        }
        let value = try assignment(arguments)?.value ?? ""
        if !arguments.has("--default") || context.session.variables[variable] == nil {
            context.setVariable(variable, to: value)
        }
        return CommandResult()
    }
}

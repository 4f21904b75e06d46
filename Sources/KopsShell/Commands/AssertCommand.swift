internal import KapsoClient
internal import KapsoDiagnostics

/// `assert PATH OP [VALUE]`: checks a value of the last result; fails (status 1) showing the actual value.
public enum AssertCommand: ScriptCommand {
    public static let name = "assert"
    public static let summary = "check a value of the last result (scripts stop when it fails)"
    public static let sendsRequests = false
    public static let readsLastResult = true
    public static let usage = "assert PATH (==|!=|<|>|contains) VALUE | assert PATH exists"
    public static let details = """
        PATH reads the last result's JSON (see 'output json'): .status, .data[0].id, .data | length.
        Strings compare by text, numbers by value; 'contains' looks into strings, arrays and object keys.
        A secret kops masks is compared in clear only where the result showed it ('webhooks get ID
        --reveal-secret'); elsewhere its mask is. A failure prints it masked. After 'message', .kops.status
        is the status kops shows, .kapso.status Kapso's field, which can lag the status history (after
        'messages' each .data[N] has both, after 'trace' .message does).
        Examples:
          health 100200300400502
          assert .status == degraded
          assert .checks.webhook_verified.passed == false
          webhooks --scope project
          assert .data | length > 0
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws { _ = try parsed(arguments) }

    /// `PATH OP VALUE` read from the arguments: a missing operator or value, or a malformed path, is refused.
    private static func parsed(_ arguments: Arguments) throws -> (path: ResultPath, comparison: Comparison, expected: String) {
        let words = arguments.positionals
        guard let opIndex = words.firstIndex(where: { Comparison(rawValue: $0) != nil }), opIndex > 0,
            let comparison = Comparison(rawValue: words[opIndex])
        else {
            throw misreadOperator(words)
        }
        // A word between a one-word path and the operator is no part of the path (probe25 P25-18: `.status not contains X`
        // read `.status not` as the path and failed with "actual (missing)").
        if opIndex == 2, !words[1].hasPrefix("|") {
            let word = words[1]
            let meant = ["not", "!", "isnt", "doesnt", "does-not"].contains(word.lowercased())
                ? "write != VALUE for 'is not'; there is no 'not contains' (check the value with == or a second assert)"
                : "the operator follows the path directly (assert \(words[0]) \(comparison.rawValue) …)"
            throw ShellError.invalidValue(
                command: name, what: "word between \(words[0]) and '\(comparison.rawValue)'", value: word, expected: meant)
        }
        let path = try ResultPath(words[..<opIndex].joined(separator: " "))
        if comparison != .exists && opIndex + 1 >= words.count {
            throw ShellError.missingArgument(command: name, what: "VALUE after '\(comparison.rawValue)'", usage: usage)
        }
        let expected = words[(opIndex + 1)...].joined(separator: " ")
        // `< abc` can never hold: a usage error, not a failed check that reports the actual value (probe18 P18-16).
        if comparison == .less || comparison == .greater, !(Double(expected)?.isFinite ?? false) {
            throw ShellError.invalidValue(
                command: name, what: "value after '\(comparison.rawValue)'", value: expected,
                expected: "a number ('<' and '>' compare numbers; use == or contains for text)")
        }
        return (path, comparison, expected)
    }

    /// What is wrong with a line that has no operator after a path, naming the word that is (probe24 P24-5: `assert
    /// .status = CONNECTED` said "missing PATH and operator" with the path right there). The path is its first word,
    /// with `| length` when it follows.
    private static func misreadOperator(_ words: [String]) -> ShellError {
        guard let first = words.first else { return .missingArgument(command: name, what: "PATH and operator", usage: usage) }
        if let comparison = Comparison(rawValue: first) {
            return .missingArgument(command: name, what: "PATH before '\(comparison.rawValue)'", usage: usage)
        }
        let pathEnd = words.count > 2 && words[1] == "|" ? 3 : 1
        let path = words.prefix(pathEnd).joined(separator: " ")
        guard pathEnd < words.count else {
            return .missingArgument(
                command: name, what: "operator after \(path) (add == VALUE, != VALUE, < N, > N or contains VALUE, or 'exists')",
                usage: usage)
        }
        let word = words[pathEnd]
        let meant: String = switch word.lowercased() {
        case "=", "===", "eq", "is", "equals": "write == for equality"
        case "<>", "ne", "!==", "isnt", "not": "write != for inequality"
        case ">=", "=>", "ge", "gte": "'>=' is no operator here: write '> N' with N one less, or two asserts"
        case "<=", "=<", "le", "lte": "'<=' is no operator here: write '< N' with N one more, or two asserts"
        case "gt": "write >"
        case "lt": "write <"
        case "has", "includes", "in", "=~", "~": "write contains"
        case "exist", "present", "defined": "write exists"
        default: "the word after the path must be one of them"
        }
        return .invalidValue(
            command: name, what: "operator after \(path)", value: word, expected: "==, !=, <, >, contains or exists; \(meant)")
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let (path, comparison, expected) = try parsed(arguments)
        let json = try context.lastResultJSON(for: name)
        let actual = path.value(in: json)
        var compared = actual
        // The result as shown is redacted: a text that differs from the API's is a secret kops masked, which compared
        // fails for the right value (probe18 P18-28). Revealed (`webhooks get ID --reveal-secret`), the secret itself
        // is compared, as `capture` stores it; a failure still shows the mask. Not revealed, the mask is compared (a
        // script may check that a secret is masked: `contains …`), and a failure says that it was the mask.
        if comparison != .exists, let shown = actual, shown.string != nil,
            let original = context.unredactedJSON.flatMap(path.value(in:)), original != shown
        {
            if let secret = context.lastResult?.revealedSecret, original.string == secret {
                compared = original
            } else if !comparison.holds(actual, expected) {
                throw ScriptError.maskedComparison(
                    path: path.text, actual: shown.serialized(), reveal: CaptureCommand.revealing(context.resultCommand))
            }
        }
        guard comparison.holds(compared, expected) else {
            throw ScriptError.assertionFailed(
                path: path.text, op: comparison.rawValue, expected: expected,
                actual: actual.map { $0.serialized() } ?? "(missing)")
        }
        let assertion = "\(path.text) \(comparison.rawValue)\(expected.isEmpty ? "" : " " + expected)"
        // A value kops's own reading contradicts (Kapso's `healthy` for a number `health` exits 1 on): no "ok" (P46-9).
        if let reason = HealthReading.contradiction(at: path.text.trimmingWhitespace, value: actual, in: json) {
            throw ScriptError.contradictedValue(assertion: assertion, reason: reason)
        }
        return CommandResult(blocks: [.hint("ok: \(assertion)")])
    }
}

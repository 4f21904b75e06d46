internal import KapsoClient
internal import KapsoDiagnostics

/// `explain CODE`: what a WhatsApp or Kapso error code means, what to do, and whether to retry.
public enum ExplainCommand: Command {
    public static let name = "explain"
    public static let summary = "explain a WhatsApp or Kapso error code: meaning, fix, retry advice"
    public static let usage = "explain CODE"
    public static let details = """
        Takes a Graph error code (the 'code' of an error body or a failed status) or a Kapso code.
        Works offline: no request is sent.
        Examples:
          explain 131047
          explain insufficient_credits
        """
    public static let maxArguments: Int? = 1

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let code = try arguments.required(0, "error code")
        guard let entry = ErrorCatalog.entry(for: code) else { throw ShellError.unknownErrorCode(code: code) }
        var fields = [
            Field("code", entry.code, style: .bold), Field("name", entry.name), Field("meaning", entry.meaning),
            Field("what to do", entry.fix), Field("retry", entry.retry.advice, style: style(entry.retry)),
        ]
        if let category = entry.category { fields.append(Field("category", category.rawValue + " (Kapso JS SDK)")) }
        return CommandResult(blocks: [.fields(fields)], json: json(entry))
    }

    static func json(_ entry: ErrorCatalog.Entry) -> JSONValue {
        [
            "code": .string(entry.code), "name": .string(entry.name), "meaning": .string(entry.meaning),
            "fix": .string(entry.fix), "retry": .string(entry.retry.rawValue),
            "retry_advice": .string(entry.retry.advice),
            "category": entry.category.map { .string($0.rawValue) } ?? .null, "source": .string(entry.source.rawValue),
        ]
    }

    private static func style(_ retry: ErrorCatalog.Retry) -> Style {
        switch retry {
        case .yes, .later: .good
        case .no: .bad
        case .fixFirst, .afterTopUp: .warn
        case .unknown: .dim
        }
    }
}

internal import KapsoClient
internal import KapsoDiagnostics

/// `explain CODE`: what a WhatsApp or Kapso error code means, what to do, and whether to retry.
public enum ExplainCommand: Command {
    public static let name = "explain"
    public static let summary = "explain a WhatsApp or Kapso error code: meaning, fix, retry advice"
    public static let sendsRequests = false
    public static let usage = "explain CODE|PASTED-ERROR"
    public static let details = """
        Takes a Graph error code (the 'code' of an error body or a failed status) or a Kapso code, or
        what you copied: '(#131047) Re-engagement message', 'error 131026', a whole Graph error body.
        '#' starts a comment in kops: write 131047, or quote a pasted '#131047'. Quote a JSON body
        with single quotes. Works offline: no request is sent.
        Examples:
          explain 131047
          explain '(#131047) Re-engagement message'
          explain '{"error":{"message":"(#131026) Message Undeliverable","code":131026}}'
          explain insufficient_credits
        """
    public static let maxArguments: Int? = nil

    public static func validate(_ arguments: Arguments) throws { _ = try pasted(arguments) }

    /// The code (and Meta's words, if pasted) read from the arguments; a missing or unreadable one is refused.
    private static func pasted(_ arguments: Arguments) throws(ShellError) -> PastedError {
        let text = arguments.positionals.joined(separator: " ")
        guard !text.isEmpty else {
            throw .missingArgument(
                command: name, what: "error code ('#' starts a comment: write 131047 or quote it, '#131047')", usage: usage)
        }
        guard let pasted = PastedError(text) else {
            throw .invalidValue(
                command: name, what: "error code", value: text,
                expected: "a code such as 131047, '(#131047) ...' or a Graph error body in single quotes")
        }
        return pasted
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let first = try pasted(arguments)
        // A body with several errors[] entries: each is explained, none left out silently.
        let all = PastedError.all(arguments.positionals.joined(separator: " "))
        // The numbers `numbers` and `use` showed this session: an id among them exists (no request is sent).
        let numbers = context.ids.phoneNumbers.keys.sorted().compactMap { context.ids.phoneNumbers[$0] }
        let allNumbers = context.ids.phoneNumbersListed
        guard all.count > 1 else { return try explain(first, numbers: numbers, allNumbers: allNumbers) }
        var blocks: [Block] = [.line(StyledText("\(all.count) errors in what was pasted:"))]
        var json: [JSONValue] = []
        for pasted in all {
            blocks.append(.line(StyledText("")))
            guard ErrorCatalog.entry(for: pasted.code) != nil else {
                let text = "code \(pasted.code): not in kops's catalogue; see \(ErrorCatalog.metaReference)"
                blocks.append(.line(StyledText(text, style: .warn)))
                json.append(["code": .string(pasted.code), "unknown": true])
                continue
            }
            let result = try explain(pasted, numbers: numbers, allNumbers: allNumbers)
            blocks += result.blocks
            json.append(result.json ?? .null)
        }
        return CommandResult(blocks: blocks, json: .array(json))
    }

    /// One error's fields; an unknown code is refused with a pointer to Meta's list.
    private static func explain(_ pasted: PastedError, numbers: [PhoneNumber], allNumbers: Bool) throws -> CommandResult {
        guard let entry = ErrorCatalog.entry(for: pasted.code) else { throw ShellError.unknownErrorCode(code: pasted.code) }
        var fields = [
            Field("code", entry.code, style: .bold), Field("name", entry.name), Field("meaning", entry.meaning),
            Field("what to do", pasted.objectAdvice(numbers: numbers, allNumbers: allNumbers) ?? entry.fix), Field("retry", entry.retry.advice, style: style(entry.retry)),
        ]
        if let category = entry.category { fields.append(Field("category", category.rawValue + " (Kapso JS SDK)")) }
        if let title = entry.title {
            fields.append(Field("meta title", title + (entry.httpStatus.map { " (HTTP \($0))" } ?? "")))
        }
        if let details = pasted.details { fields.append(Field("meta says", details, style: .dim)) }
        fields.append(Field("source", entry.reference, style: .dim))
        return CommandResult(blocks: [.fields(fields)], json: json(entry, pasted: pasted, numbers: numbers, allNumbers: allNumbers))
    }

    /// The entry as JSON; a pasted error that names an object id adds `object_id` and its advice as `fix`.
    static func json(
        _ entry: ErrorCatalog.Entry, pasted: PastedError? = nil, numbers: [PhoneNumber] = [], allNumbers: Bool = false
    ) -> JSONValue {
        var object: JSONObject = [
            "code": .string(entry.code), "name": .string(entry.name), "meaning": .string(entry.meaning),
            "fix": .string(pasted?.objectAdvice(numbers: numbers, allNumbers: allNumbers) ?? entry.fix), "retry": .string(entry.retry.rawValue),
            "retry_advice": .string(entry.retry.advice),
            "category": entry.category.map { .string($0.rawValue) } ?? .null, "source": .string(entry.source.rawValue),
            "meta_title": entry.title.map(JSONValue.string) ?? .null,
            "http_status": entry.httpStatus.map { .number(String($0)) } ?? .null,
            "reference": .string(entry.reference),
        ]
        if let id = pasted?.objectID { object["object_id"] = .string(id) }
        return .object(object)
    }

    private static func style(_ retry: ErrorCatalog.Retry) -> Style {
        switch retry {
        case .yes, .later, .maybe: .good
        case .no: .bad
        case .fixFirst, .afterTopUp: .warn
        case .unknown: .dim
        }
    }
}

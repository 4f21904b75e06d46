internal import KapsoClient
internal import KapsoDiagnostics

/// `state`: what the session holds (API host, profile, selected number, output mode).
public enum StateCommand: Command {
    public static let name = "state"
    public static let summary = "show the session: API host, profile, selected number, output mode"
    public static let sendsRequests = false
    public static let usage = "state"

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let session = context.session
        let rows: [(String, String?)] = [
            ("api", session.baseURL), ("profile", session.profile), ("phone_number_id", session.phoneNumberID),
            ("output", session.output.rawValue), ("last_webhook_id", session.lastWebhookID),
            ("last_message_id", session.lastMessageID), ("last_conversation_id", session.lastConversationID),
            ("next", session.continuableList.map { "\($0.source.command) has more pages" }),
        ]
        var json = JSONObject()
        for (key, value) in rows { json[key] = value.map(JSONValue.string) ?? .null }
        var fields = rows.map { key, value in
            Field(key, (value ?? "-") + (session.sources[key].map { "  (\($0))" } ?? ""), style: value == nil ? .dim : .plain)
        }
        let keyState =
            if context.keyInHand, context.configProblem != nil { "set, never shown; unused until config.toml is fixed" }
            else if context.keyInHand, context.startProblem?.missingProfileSource != nil {
                "set, never shown; unused while the profile kops started with is missing"
            }
            else if context.keyInHand { "set, never shown" }
            else if case .command = context.keyOrigin { "read at the first request" }
            else if let problem = context.keyShapeProblem { "set but not sent: it \(problem.what)" }
            else if case .keyInName = context.keyOrigin { "not set: the profile's api_key_env looks like a key, not a variable's name" }
            else if session.sources["key"] != nil { "not set" }
            else { "none; export KAPSO_API_KEY or 'profile add'" }
        // A shell given its key directly (tests, replays) has nothing to say about it.
        if !context.keyInHand || session.sources["key"] != nil {
            fields.insert(
            Field("key", keyState + (session.sources["key"].map { "  (\($0))" } ?? ""), style: context.keyInHand ? .plain : .dim),
            at: 2)
        }
        fields = BrokenConfig.fields(fields, problem: context.configProblem, session: session, keyInHand: context.keyInHand)
        fields = MissingProfile.fields(fields, problem: context.startProblem, session: session, keyInHand: context.keyInHand)
        if let problem = context.configProblem {
            // Not the defaults the session holds: what the file names is unknown (tester57 AB15).
            (json["config_problem"], json["profile"]) = (.string(problem), .null)
            if session.sources["api"] ?? "default" == "default" { json["api"] = .null }
        } else if let problem = context.startProblem, problem.missingProfileSource != nil {
            // Nor a profile that is not there (tester58b AE5).
            (json["start_problem"], json["profile"]) = (.string(problem.message), .null)
            if session.sources["api"] ?? "default" == "default" { json["api"] = .null }
        }
        if !session.sources.isEmpty {
            json["sources"] = .object(JSONObject(session.sources.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .string($0.value)) }))
        }
        return CommandResult(blocks: [.fields(fields)], json: .object(json))
    }
}

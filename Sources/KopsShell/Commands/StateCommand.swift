internal import KapsoClient

/// `state`: what the session holds (API host, profile, selected number, output mode).
public enum StateCommand: Command {
    public static let name = "state"
    public static let summary = "show the session: API host, profile, selected number, output mode"
    public static let usage = "state"

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let session = context.session
        let rows: [(String, String?)] = [
            ("api", session.baseURL), ("profile", session.profile), ("phone_number_id", session.phoneNumberID),
            ("output", session.output.rawValue), ("last_webhook_id", session.lastWebhookID),
            ("last_message_id", session.lastMessageID), ("last_conversation_id", session.lastConversationID),
            ("next", session.lastList.map { "\($0.source.command) has more pages" }),
        ]
        var json = JSONObject()
        for (key, value) in rows { json[key] = value.map(JSONValue.string) ?? .null }
        return CommandResult(
            blocks: [.fields(rows.map { Field($0.0, $0.1 ?? "-", style: $0.1 == nil ? .dim : .plain) })],
            json: .object(json))
    }
}

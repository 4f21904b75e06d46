internal import KapsoClient
internal import KapsoDiagnostics

/// `conversation ID`: one conversation and its 24-hour window; it becomes the session's last conversation.
public enum ConversationCommand: Command {
    public static let name = "conversation"
    public static let summary = "show one conversation and its 24-hour window; 'reply' then writes to it"
    public static let usage = "conversation ID"
    public static let details = """
        Shows the contact, status, message count and the 24-hour customer-service window: open until
        24 hours after the contact's last message, closed since then (only templates go through).
        Example:
          conversation e5a6c7d8-4f5b-4c6d-8e7f-901234567890
        """
    public static let maxArguments: Int? = 1

    public static func validate(_ arguments: Arguments) throws { _ = try arguments.required(0, "conversation id") }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let id = try arguments.required(0, "conversation id")
        let conversation = try context.client.conversation(id)
        if context.session.lastConversationID != conversation.id { context.session.lastMessageID = nil }
        context.session.lastConversationID = conversation.id
        // The window is the (number, contact) pair's, across Kapso's conversations of that contact on the number.
        var lastInbound = conversation.lastInboundAt.flatMap { KapsoTime.seconds(iso: $0) }
        if let number = conversation.phoneNumberID, let contact = conversation.contact {
            let all = try context.client.conversations(filters: [("phone_number_id", number), ("phone_number", contact)], limit: 20)
            if let key = conversation.pairKey, let newest = Conversation.pairLastInbound(all.items + [conversation])[key] {
                lastInbound = newest
            }
        }
        let window = ServiceWindow(lastInbound: lastInbound, at: context.now())
        var fields = [
            Field("id", conversation.id), Field("contact", MessageCommand.contactLabel(conversation.contactName, conversation.contactHandle)),
            Field("status", conversation.status), Field("number", conversation.phoneNumberID ?? "-"),
            Field("created", conversation.createdAt ?? "-"), Field("last active", conversation.lastActiveAt ?? "-"),
            Field("messages", conversation.messagesCount.map(String.init) ?? "-"),
            Field("last inbound", lastInbound.map(KapsoTime.iso) ?? (conversation.hasKapsoBlock ? "never" : "unknown")),
        ]
        let (text, style) = lastInbound == nil && !conversation.hasKapsoBlock
            ? ("unknown: Kapso sent no last_inbound_at for this conversation; 'messages --phone-number' shows the contact's messages", Style.warn)
            : describe(window)
        fields.append(Field("window", text, style: style))
        return CommandResult(blocks: [.fields(fields)], json: .object(conversation.json))
    }

    /// `open until 2026-11-21T14:30:05Z (2 h 30 min left)` or `closed since ... (28 h ago); only templates go through`.
    static func describe(_ window: ServiceWindow) -> (String, Style) {
        guard let closes = window.closesAt else {
            return ("never opened: the contact has not written; only templates go through", .warn)
        }
        if window.isOpen {
            return ("open until \(KapsoTime.iso(closes)) (\(Elapsed.text(closes - window.at)) left)", .good)
        }
        return ("closed since \(KapsoTime.iso(closes)) (\(Elapsed.text(window.at - closes)) ago); only templates go through", .warn)
    }
}

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
        // The window is the (number, contact) pair's, across Kapso's conversations of that contact on the number and
        // the contact's inbound messages (Kapso's last_inbound_at may be null while the message is there).
        let window = try (conversation.phoneNumberID).flatMap { number in
            try (conversation.contact ?? conversation.businessScopedUserID).map { contact in
                try ContactWindowLookup.load(phoneNumberID: number, contact: contact, known: [conversation], in: context)
            }
        } ?? ContactWindow(
            evidence: .unknown("the conversation names no phone number id or contact"), at: context.now())
        let fields = [
            Field("id", conversation.id), Field("contact", MessageCommand.contactLabel(conversation.contactName, conversation.contactHandle)),
            Field("status", conversation.status), Field("number", conversation.phoneNumberID ?? "-"),
            Field("created", conversation.createdAt ?? "-"), Field("last active", conversation.lastActiveAt ?? "-"),
            Field("messages", conversation.messagesCount.map(String.init) ?? "-"),
            Field("last inbound", window.lastInboundText),
            Field("window", window.text, style: window.isOpen ? .good : .warn),
        ]
        return CommandResult(blocks: [.fields(fields)], json: .object(conversation.json))
    }
}

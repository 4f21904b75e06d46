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

    public static func validate(_ arguments: Arguments) throws { _ = try id(arguments) }

    /// The conversation id typed: a UUID (`MessageInput.uuid`), or the resolver says what it is before any request.
    private static func id(_ arguments: Arguments) throws -> String {
        try MessageInput.uuid(try arguments.required(0, "conversation id"), command: name, what: "conversation id", expected: .conversationID)
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let conversation = try context.conversation(try id(arguments))
        if context.session.lastConversationID != conversation.id { context.session.lastMessageID = nil }
        context.session.lastConversationID = conversation.id
        // The window is the (number, contact) pair's, across Kapso's conversations of that contact on the number and
        // the contact's inbound messages (Kapso's last_inbound_at may be null while the message is there).
        // The contact's messages read for the window weigh Kapso's summary too (tester64 T11).
        var read: [Message] = []
        let window = try (conversation.phoneNumberID).flatMap { number in
            try (conversation.contact ?? conversation.businessScopedUserID).map { contact in
                // The contact's newest free-form send weighs the window as `reply` weighs it: one Meta refused with 131047
                // after the contact's last message is said beside an open window, whatever that message was (tester67 Y2).
                try ContactWindowLookup.load(
                    phoneNumberID: number, contact: contact, known: [conversation], in: context, sends: true, readInbound: { read = $0 })
            }
        } ?? ContactWindow(
            evidence: .unknown("the conversation names no phone number id or contact"), at: context.now())
        let summary = ConversationSummary(conversation, messages: read, now: context.now())
        // What goes through, beside the number's state as the session knows it, as trace says it (tester69b D2: "only
        // templates go through" a line under trace's "a template from this number fails now").
        // Read as `reply` reads it, once a session (tester70b G7).
        let replies = conversation.phoneNumberID.flatMap {
            context.readingReplies(on: $0, contact: conversation.contact ?? conversation.businessScopedUserID)
        }
        let sender = replies.map { window.isClosed ? $0.clause(for: .template) : window.isOpen ? $0.clause(for: .freeForm) : "" } ?? ""
        let fields = [
            Field("id", conversation.id), Field("contact", MessageCommand.contactLabel(conversation.contactName, conversation.contactHandle)),
            Field("status", conversation.status), Field("number", conversation.phoneNumberID ?? "-"),
            Field("created", ConversationsCommand.shown(conversation.createdAt)),
            Field("last active", summary.lastActiveCell(ConversationsCommand.shown(conversation.lastActiveAt)),
                  style: summary.newerMessage == nil ? .plain : .warn),
            Field("messages", summary.messagesCell(conversation.messagesCount.map(String.init) ?? "-"),
                  style: summary.moreMessages == nil ? .plain : .warn),
            Field("last inbound", window.lastInboundText),
            Field(
                "window", window.text + sender,
                style: window.isOpen && window.unconfirmed == nil && window.refusedSince == nil && sender.isEmpty ? .good : .warn),
        ]
        var json = conversation.json
        json["kops"] = ["window": Self.windowJSON(window), "summary": summary.json]
        return CommandResult(blocks: [.fields(fields)] + (summary.note(id: conversation.id).map { [.hint($0)] } ?? []), json: .object(json))
    }

    /// kops's reading of the window, as the `window` line says it (tester47 F7: the JSON held only Kapso's
    /// `last_inbound_at`, which can say closed while a later message the contact wrote keeps it open):
    /// `{"state": "open"|"closed"|"unknown", "last_inbound_at": ISO-8601|null (the contact's newest message kops read),
    /// "open_until": ISO-8601|null, "unconfirmed": bool, "refused_since": Meta's later refusal for the window (131047) of a
    /// free-form send, as the line says it, or null (tester67 Y2), "summary": the window line}`.
    static func windowJSON(_ window: ContactWindow) -> JSONValue {
        let state = window.window == nil ? "unknown" : window.isOpen ? "open" : "closed"
        return [
            "state": .string(state),
            "last_inbound_at": window.lastInbound.map { .string(KapsoTime.iso($0)) } ?? .null,
            "open_until": window.window?.closesAt.map { .string(KapsoTime.iso($0)) } ?? .null,
            "unconfirmed": .bool(window.unconfirmed != nil),
            "refused_since": window.refusedSince.map(JSONValue.string) ?? .null,
            "summary": .string(window.text),
        ]
    }
}

extension ShellContext {
    /// Conversation `id` (a UUID), found through lists so an id of no conversation leaves no 404 in the project's API
    /// log (docs/own-lookups.md): the resolver's look-up (its newest message, then its contact's conversations on
    /// that number), else the 100 most recently active conversations (one without messages). `GET` by id only when
    /// a message names it but the lists did not hold it. Throws `conversationNotFound` when none has the id, and a
    /// look-up's own error (a 404 from a list every project has: the base URL) when one failed.
    func conversation(_ id: String) throws -> Conversation {
        func found(_ lookup: IDResolver.Lookup) throws -> IDResolver.Facts {
            let (facts, errors) = IDLookups.fetch([lookup], client: client, id: id, own: ownLookups)
            if let error = errors.first { throw error }
            return facts
        }
        let facts = try found(.conversation(id))
        if let conversation = facts.conversations.first(where: { $0.id.lowercased() == id }) { return conversation }
        if facts.messages.contains(where: { $0.conversationID?.lowercased() == id }) { return try client.conversation(id) }
        if let recent = try found(.recentConversations).conversations.first(where: { $0.id.lowercased() == id }) { return recent }
        throw KapsoAPIError.conversationNotFound(id: id)
    }
}

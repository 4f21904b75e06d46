public import KapsoClient

/// Kapso's summary of a conversation (`last_active_at`, `kapso.messages_count`) weighed against the conversation's own
/// messages kops read (tester64 T11: `conversation` showed "last active 10:25" and "messages 20" as facts beside its own
/// "last inbound 10:38", while the conversation held 46 messages, the newest at 10:59).
///
/// Kapso documents both as fields of the conversation record (Get conversation,
/// https://docs.kapso.ai/api/platform/v1/conversations/get-conversation: `last_active_at`, `kapso.messages_count`), not
/// how soon they follow a message: a summary
/// older than a message of the conversation is stale, and only the messages are evidence. The messages read are the
/// contact's inbound ones (at most a page), so they bound the truth from below: kops says the summary lags, never what
/// the right count is.
public struct ConversationSummary: Sendable, Equatable {
    /// The conversation's newest message kops read, when it is more than `MessageTime.skew` newer than `last_active_at`
    /// (Unix seconds); nil otherwise.
    public let newerMessage: Int64?
    /// How many of the conversation's messages kops read, when more than `messages_count`; nil otherwise.
    public let moreMessages: Int?
    /// `last_active_at` as Kapso gave it, read (Unix seconds); nil when missing or unreadable.
    public let lastActive: Int64?

    /// Weighs `conversation`'s summary against `messages` (any of the contact's; those of another conversation are left
    /// out), at `now` (the API's clock: a message stamped ahead of it is no evidence).
    public init(_ conversation: Conversation, messages: [Message], now: Int64) {
        let own = messages.filter { $0.conversationID?.lowercased() == conversation.id.lowercased() }
        let times = own.compactMap(\.time).filter { $0 <= now + MessageTime.skew }
        let active = conversation.lastActiveAt.flatMap(KapsoTime.seconds(iso:))
        lastActive = active
        if let newest = times.max(), let active, newest - active > MessageTime.skew { newerMessage = newest } else { newerMessage = nil }
        let count = Set(own.map(\.id)).count
        moreMessages = conversation.messagesCount.flatMap { count > $0 ? count : nil }
    }

    /// The `last active` cell: Kapso's time, marked `(stale: …)` when a newer message was read.
    public func lastActiveCell(_ shown: String) -> String {
        guard let newerMessage else { return shown }
        return shown + " (Kapso's; stale: a message of it at \(KapsoTime.iso(newerMessage)) is newer)"
    }

    /// The `messages` cell: Kapso's count, marked when kops read more of the conversation's messages.
    public func messagesCell(_ shown: String) -> String {
        guard let moreMessages else { return shown }
        return shown + " (Kapso's count; stale: kops read \(moreMessages) of them)"
    }

    /// `note: Kapso's summary of this conversation lags its messages: …`, when either field is stale; nil otherwise.
    /// `id` names the conversation in the command that lists its messages.
    public func note(id: String) -> String? {
        guard newerMessage != nil || moreMessages != nil else { return nil }
        let what = switch (newerMessage != nil, moreMessages != nil) {
        case (true, true): "its last_active_at and messages_count lag its messages"
        case (true, false): "its last_active_at lags its messages, so its messages_count may be stale too"
        default: "its messages_count lags its messages, so its last_active_at may be stale too"
        }
        return "note: Kapso's summary of this conversation is stale: \(what); the messages are the evidence: "
            + "'messages --conversation \(id)' lists them"
    }

    /// `{"last_active_at_stale": bool, "newer_message_at": ISO-8601|null, "messages_count_stale": bool,
    /// "messages_read": int|null}` for `--output json`'s `kops` object.
    public var json: JSONValue {
        .object([
            "last_active_at_stale": .bool(newerMessage != nil),
            "newer_message_at": newerMessage.map { .string(KapsoTime.iso($0)) } ?? .null,
            "messages_count_stale": .bool(moreMessages != nil),
            "messages_read": moreMessages.map { .number(String($0)) } ?? .null,
        ])
    }
}

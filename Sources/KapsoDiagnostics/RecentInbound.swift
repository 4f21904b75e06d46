public import KapsoClient

/// A phone number's newest inbound messages as Kapso's message list gives them (`direction=inbound`, newest first,
/// kapso-api.md §7.1), read so a list of conversations judges each (number, contact) window from the messages, as
/// `conversation ID` does, and not from Kapso's `last_inbound_at` alone, which can lag behind them (probe14 P14-1: a
/// summary 30 h old while the contact wrote 1 h ago).
public struct RecentInbound: Sendable {
    /// The messages read, newest first.
    public var messages: [Message]
    /// True when no page followed: the listing was read to its end.
    public var complete: Bool

    public init(messages: [Message], complete: Bool) {
        self.messages = messages
        self.complete = complete
    }

    /// True when the messages read hold every one that can keep a window open at `at` (Unix seconds): the listing was
    /// read to its end, or it reaches back to a message older than 24 hours (plus `MessageTime.skew`) before `at`.
    /// Kapso lists messages newest first by when it recorded them, which follows their times except for imported
    /// history (`origin: history_sync`, old times recorded late), so only a message that is not imported marks how far
    /// back the read goes.
    public func coversWindow(at: Int64) -> Bool {
        guard !complete else { return true }
        return reachesBack(at: at).map { $0 + Conversation.windowSeconds + MessageTime.skew <= at } ?? false
    }

    /// How far back the read reaches (Unix seconds): the oldest readable time of a message that is not imported
    /// history; nil when there is none.
    public func reachesBack(at: Int64) -> Int64? {
        messages.compactMap { message -> Int64? in
            guard !message.isImportedHistory else { return nil }
            return MessageTime(message, now: at).seconds
        }.min()
    }
}

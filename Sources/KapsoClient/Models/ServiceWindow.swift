/// WhatsApp's 24-hour customer-service window: free-form messages are allowed until 24 hours after
/// the contact's last inbound message; after that only templates go through (Graph error 131047).
public struct ServiceWindow: Sendable, Equatable {
    /// The contact's last inbound message (Unix seconds), nil when none was found.
    public var lastInbound: Int64?
    /// The moment the window is looked at (Unix seconds).
    public var at: Int64
    /// What the last inbound message was when a reading that leans on it must say so (e.g. `a reaction`); nil otherwise.
    public var lastInboundNote: String? = nil

    public init(lastInbound: Int64?, at: Int64) {
        self.lastInbound = lastInbound
        self.at = at
    }

    /// When the window closes (or closed); nil when no inbound message was found.
    public var closesAt: Int64? { lastInbound.map { $0 + Conversation.windowSeconds } }

    /// True while `at` is less than 24 hours after the last inbound message.
    public var isOpen: Bool { closesAt.map { at < $0 } ?? false }
}

public import KapsoClient

/// The 24-hour customer-service window of one (phone number, contact) pair, from every piece of evidence kops read:
/// Kapso's `kapso.last_inbound_at` on the pair's conversations and the pair's inbound messages themselves.
///
/// Kapso's summary can lag or be missing: the conversation's `kapso` block is `object|null` and its "timestamps may be
/// null" (kapso-api.md §8.3), so a null `last_inbound_at` means "not reported", not "never wrote". The newest inbound
/// message found wins, whichever source it came from; with no inbound time anywhere, the window is `noInbound` only
/// when the pair's inbound messages were listed and none was there, else `unknown`. Meta's window belongs to the
/// pair, across Kapso's conversations of it (kapso-api.md §8.3; docs/messages-trace-reply.md).
public struct ContactWindow: Sendable, Equatable {
    /// What the evidence says about the contact's last message to the number.
    public enum Evidence: Sendable, Equatable {
        /// The newest inbound time found (Unix seconds).
        case lastInbound(Int64)
        /// The pair's inbound messages were listed and held none, and no conversation reported one.
        case noInbound
        /// Nothing read says when the contact last wrote; the reason, e.g. `Kapso sent no last_inbound_at`.
        case unknown(String)
    }

    public var evidence: Evidence
    /// The moment the window is looked at (Unix seconds).
    public var at: Int64
    /// The contact's newest message written in a WhatsApp group (Unix seconds), when one was read: it opened the
    /// group's window, not this 1:1 window (`MessageOrigin`), so it is no evidence here and is only named.
    public var groupInbound: Int64? = nil

    public init(evidence: Evidence, at: Int64) {
        self.evidence = evidence
        self.at = at
    }

    /// Reads the evidence for `contact` (digits or business-scoped user id) on `phoneNumberID`. The contact's
    /// conversations and messages are those `ContactNumber.same` says are the contact's (Brazil's and Mexico's two
    /// forms of one number included), and the messages of those conversations. A message the contact wrote in a
    /// group (`group_id`) opens the group's window, not the 1:1 one (Meta's Groups pricing: "a customer service window
    /// is opened between you and the entire group … different from 1:1 messaging"), so it does not count, and a
    /// conversation's `last_inbound_at` that is the time of such a message (Kapso files it under the participant's
    /// conversation) does not either.
    ///
    /// - Parameters:
    ///   - conversations: the pair's conversations that were read (others are ignored).
    ///   - inbound: messages listed for the pair, nil when they were not listed (or the listing failed); only inbound
    ///     messages of this pair count. `inboundComplete` false when the listing stopped at a page limit, so an empty
    ///     result proves nothing.
    ///   - unread: why the messages were not listed, for the `unknown` reason.
    public init(
        phoneNumberID: String, contact: String, conversations: [Conversation], inbound: [Message]?, inboundComplete: Bool = true,
        unread: String? = nil, at: Int64
    ) {
        self.at = at
        var newest: Int64?
        let pairs = conversations.filter { conversation in
            conversation.phoneNumberID == phoneNumberID
                && ContactNumber.same(conversation.contact ?? conversation.businessScopedUserID, contact)
        }
        // A message in one of the pair's conversations is the contact's, whatever form its number has.
        let conversationIDs = Set(pairs.map(\.id))
        var groupTimes: Set<Int64> = []
        for message in inbound ?? []
        where message.isInbound && message.phoneNumberID.map({ $0 == phoneNumberID }) ?? true
            && (ContactNumber.same(message.contact, contact) || ContactNumber.same(message.userID, contact)
                || message.conversationID.map(conversationIDs.contains) == true)
        {
            guard let time = message.time else { continue }
            if MessageOrigin(message).isGroup {
                groupTimes.insert(time)
                continue
            }
            newest = max(newest ?? time, time)
        }
        for conversation in pairs {
            guard let time = conversation.lastInboundAt.flatMap({ KapsoTime.seconds(iso: $0) }), !groupTimes.contains(time) else { continue }
            newest = max(newest ?? time, time)
        }
        groupInbound = groupTimes.max()
        if let newest {
            evidence = .lastInbound(newest)
        } else if inbound != nil && inboundComplete {
            evidence = .noInbound
        } else {
            let kapso = conversations.isEmpty ? "no conversation of the contact was found" : "Kapso sent no last_inbound_at"
            let messages = unread ?? (inbound == nil ? "the contact's messages were not read" : "the contact's messages were read only in part")
            evidence = .unknown(kapso + ", and " + messages)
        }
    }

    /// The last inbound message (Unix seconds), nil when none was found or it is unknown.
    public var lastInbound: Int64? {
        if case .lastInbound(let time) = evidence { return time }
        return nil
    }

    /// The window as a `ServiceWindow`, nil when unknown (a `noInbound` pair has one that never opened).
    public var window: ServiceWindow? {
        if case .unknown = evidence { return nil }
        return ServiceWindow(lastInbound: lastInbound, at: at)
    }

    /// True while a free-form message goes through; false when closed or unknown.
    public var isOpen: Bool { window?.isOpen ?? false }

    /// True when the evidence says the window is closed (not when it is unknown).
    public var isClosed: Bool { window.map { !$0.isOpen } ?? false }

    /// `2026-11-21T10:00:00Z`, `none found` or `unknown: ...`, for a "last inbound" field.
    public var lastInboundText: String {
        switch evidence {
        case .lastInbound(let time): KapsoTime.iso(time)
        case .noInbound: "none found: the contact's messages to this number hold no inbound message"
        case .unknown(let reason): "unknown: \(reason)"
        }
    }

    /// `open until ... (2 h left)`, `closed since ... (28 h ago); only templates go through`, or why it is closed or
    /// unknown, for a "window" field; a group message of the contact is named as not counting.
    public var text: String {
        guard let group = groupInbound else { return evidenceText }
        return evidenceText + "; the contact's message in a WhatsApp group at \(KapsoTime.iso(group)) opened the group's window, "
            + "not a 1:1 window with them"
    }

    private var evidenceText: String {
        switch evidence {
        case .lastInbound(let last):
            let closes = last + Conversation.windowSeconds
            return at < closes
                ? "open until \(KapsoTime.iso(closes)) (\(Elapsed.text(closes - at)) left)"
                : "closed since \(KapsoTime.iso(closes)) (\(Elapsed.text(at - closes)) ago); only templates go through"
        case .noInbound:
            return "closed: no \(groupInbound == nil ? "" : "1:1 ")inbound message from the contact to this number was found; "
                + "only templates go through"
        case .unknown(let reason):
            return "unknown: \(reason); if it is closed, free-form messages fail with 131047"
        }
    }
}

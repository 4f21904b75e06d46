public import KapsoClient

// MARK: - A window the messages read do not confirm (probe37 P37-4)

extension ContactWindow {
    /// Why the messages read do not confirm the window's state, and whether they contradict it.
    public struct Unconfirmed: Sendable, Equatable {
        /// What the messages read show, e.g. `the inbound messages read hold none the contact wrote since
        /// 2026-11-20T12:00:00Z (the newest they wrote is 2026-11-20T06:00:00Z)`, or why they were not read.
        public var why: String
        /// True when the messages read reach back over the whole 24 hours and still do not show it: they contradict
        /// Kapso's `last_inbound_at`. False when they were not read, or do not reach back far enough to tell.
        public var contradicted: Bool
    }

    /// Set when the window's state is not shown by the messages read: open by Kapso's `last_inbound_at` alone (no message
    /// the contact wrote in the last 24 hours was read), or closed while the messages read do not reach back 24 hours or
    /// were not read at all. Nil when the messages read show the state themselves, or when the window is unknown or never
    /// opened (those say why already).
    ///
    /// The one rule of certainty for every view of a window: `conversations` marks such a cell `?`, and `conversation
    /// ID`, `reply`, `whois` and `trace` say the same words in `text` (probe37 P37-4: the list said "open …?" while `reply`
    /// and `trace` stated the same window as certainly open, or closed). Only a message the contact sent opens the window
    /// (Meta: the window starts "when a WhatsApp user messages you or calls you", Service messages,
    /// developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages), and Kapso's summary can
    /// lag, or be stamped by what is no message (kapso-api.md §8.3), so a state only it shows is not stated as fact.
    public var unconfirmed: Unconfirmed? {
        guard case .lastInbound(let last) = evidence else { return nil }
        let open = ServiceWindow(lastInbound: last, at: at).isOpen
        if open, isOpenByMessage { return nil }
        // A window built without reading the messages (`init(evidence:at:)`, or the reading init given none) says nothing
        // of them; only a read that failed (`unread`) leaves the state unconfirmed.
        guard let read = inboundRead else { return unreadReason.map { Unconfirmed(why: $0, contradicted: false) } }
        if !open, read.covers { return nil }
        let since = KapsoTime.iso(at - Conversation.windowSeconds)
        let newest = messageInbound.map { " (the newest they wrote is \(KapsoTime.iso($0)))" } ?? ""
        if open, read.covers {
            return Unconfirmed(why: "the inbound messages read hold none the contact wrote since \(since)\(newest)", contradicted: true)
        }
        let back = read.reachesBack.map { "reach back only to \(KapsoTime.iso($0))" } ?? "have no readable time"
        return Unconfirmed(
            why: "the inbound messages read \(back)" + (open ? " and hold none the contact wrote since \(since)\(newest)" : ""), contradicted: false)
    }

    /// What reading the messages settled: whether they reach back over the window, and how far.
    struct InboundRead: Sendable, Equatable {
        var covers: Bool
        var reachesBack: Int64?
    }

    /// `open until …Z (22 h left) by Kapso's last_inbound_at …Z alone, unconfirmed: …`: the window line of a state the
    /// messages read do not show (`unconfirmed`), nil when they show it.
    var unconfirmedText: String? {
        guard let unconfirmed, let last = lastInbound else { return nil }
        let closes = last + Conversation.windowSeconds
        let open = ServiceWindow(lastInbound: last, at: at).isOpen
        let state = open
            ? "open until \(KapsoTime.iso(closes)) (\(Elapsed.text(closes - at)) left) by Kapso's last_inbound_at \(KapsoTime.iso(last)) alone"
            : "closed since \(KapsoTime.iso(closes)) (\(Elapsed.text(at - closes)) ago)"
        let cannot = unconfirmed.contradicted
            ? "kops cannot tell which is right (the contact may have called or written in a way Kapso does not list, or "
                + "Kapso's stamp is no message they wrote)"
            : "so kops cannot confirm it"
        let effect = open
            ? "a free-form message may fail with 131047; an approved template always goes through ('reply --template NAME')"
            : "a message they wrote that kops did not read may have reopened it; 'conversation ID' reads the contact's own messages"
        return "\(state), unconfirmed: \(unconfirmed.why); \(cannot): \(effect)"
    }

    /// `open …?: Kapso's last_inbound_at alone says open, and …`: the line under a table whose cell is marked `?`
    /// (`conversations`), in the words `text` uses.
    public var unconfirmedNote: String? {
        guard let unconfirmed, let last = lastInbound else { return nil }
        let open = ServiceWindow(lastInbound: last, at: at).isOpen
        let says = open ? "Kapso's last_inbound_at alone says open" : "closed by what was read"
        let cannot = unconfirmed.contradicted ? "kops cannot tell which is right" : "kops cannot confirm it"
        let detail = unconfirmed.contradicted ? "'conversation ID' says the same" : "'conversation ID' reads the contact's own messages"
        return "\(open ? "open" : "closed") …?: \(says), and \(unconfirmed.why), so \(cannot); \(detail)"
    }
}

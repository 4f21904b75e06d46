public import KapsoClient

/// The 24-hour window as the trace of a message the contact sent reads it, for `trace --output json` and any view that
/// must say what `trace`'s window line says: whether this message opened the window, the contact's newest message they
/// wrote (this one or a later one), and the window now. For an outbound send the window that matters is the one at the
/// send (`SendWindow`, `MessageTrace.windowAtSend`); for a message the contact sent, the message itself opens the window
/// (Meta: the customer service window starts "whenever a WhatsApp user messages you", developers.facebook.com/docs/
/// whatsapp/pricing), so the window before it says nothing a script needs (probe46 P46-1: the JSON said `open_at_send:
/// false` while the text said the message opened it and it is open now).
///
/// Only a message the contact wrote 1:1 at a readable time opens it (`WindowEvidence`, `MessageTime`); the window now is
/// the contact's newest such message (`WindowEvidence.newestWritten`) plus 24 hours, unless the messages read do not
/// confirm it (`ContactWindow.unconfirmed`) or Kapso's `last_inbound_at` says open while they say closed: then `openNow`
/// is nil, never a guess.
public struct InboundWindow: Sendable, Equatable {
    /// Why this message opened no 1:1 window (`it is a reaction removed, not a new message`, `written in a WhatsApp
    /// group: …`, `its time is unreadable: …`); nil when it opened one at `openedAt`.
    public var notOpened: String?
    /// This message's time when it opened the window (Unix seconds).
    public var openedAt: Int64?
    /// The contact's newest message written 1:1 at a readable time, this one included (Unix seconds); nil when none.
    public var newestInbound: Int64?
    /// True when the window is open at `at`, false when closed; nil when the evidence does not settle it (`unconfirmed`,
    /// `readingsDisagree`, or no readable time).
    public var openNow: Bool?
    /// Why the messages read do not confirm the window now (`ContactWindow.Unconfirmed.why`); nil when they do.
    public var unconfirmed: String?
    /// The conversation's `kapso.last_inbound_at` (Unix seconds), Kapso's own reading; nil when not read or absent.
    public var kapsoLastInbound: Int64?
    /// True when Kapso's `last_inbound_at` says open now and the messages read say closed (or hold none the contact wrote).
    public var readingsDisagree: Bool
    /// The API's clock the window is read at (Unix seconds).
    public var at: Int64
    /// The window left unknown by the contact's action Meta documents nothing on (`WindowEvidence.Unsettled`): `openNow`
    /// is then nil (tester47 F2).
    public var unsettled: WindowEvidence.Unsettled?
    /// True when this message is such an action (`WindowEvidence.opensUnknown`): whether it opened the window is unknown.
    public var opensUnknown: Bool

    /// When the window now closes (closed), 24 hours after `newestInbound`; nil without one.
    public var closesAt: Int64? { newestInbound.map { $0 + Conversation.windowSeconds } }

    /// When the window this message opened ends, 24 hours after `openedAt`; nil when it opened none. Before `closesAt`
    /// when the contact wrote again (tester46 F8: the JSON paired this message's `opened_at` with the later message's
    /// `open_until`, which read as one 39-hour window, while the text said both ends).
    public var thisMessageUntil: Int64? { openedAt.map { $0 + Conversation.windowSeconds } }

    /// Reads the window of `message` (inbound) at `now`: `newestInbound` is the contact's newest message they wrote among
    /// those listed (`WindowEvidence.newestWritten`, nil when the listing failed), `contactWindow` the window now as
    /// `conversation` reads it (nil when not read), `kapsoLastInbound` the conversation's `last_inbound_at`.
    public init(
        _ message: Message, newestInbound: Int64?, contactWindow: ContactWindow?, kapsoLastInbound: Int64?,
        unsettled: WindowEvidence.Unsettled? = nil, now: Int64
    ) {
        at = now
        self.unsettled = unsettled
        self.kapsoLastInbound = kapsoLastInbound
        let evidence = WindowEvidence(message, now: now)
        opensUnknown = evidence.opensUnknown
        self.newestInbound = newestInbound
        switch evidence.kind {
        case .notWritten(let what):
            notOpened = (evidence.opensUnknown ? "Meta documents nothing on whether it opens the window: " : "") + "it is \(what)"
        case .group: notOpened = "written in a WhatsApp group: it opened the group's window, not a 1:1 window with the participant"
        case .written:
            if let time = evidence.time.seconds {
                openedAt = time
                self.newestInbound = max(newestInbound ?? time, time)
            } else {
                notOpened = "its time is unreadable: " + evidence.time.text
            }
        }
        let kapsoOpen = kapsoLastInbound.map { $0 <= now + MessageTime.skew && ServiceWindow(lastInbound: $0, at: now).isOpen } ?? false
        let kopsOpen = self.newestInbound.map { ServiceWindow(lastInbound: $0, at: now).isOpen }
        readingsDisagree = kapsoOpen && kopsOpen != true
        unconfirmed = contactWindow?.unconfirmed?.why
        openNow = readingsDisagree || unconfirmed != nil || unsettled != nil ? nil : kopsOpen
    }

    /// The `window` object of `trace --output json` for a message the contact sent: `opened_at` and `this_message_until`
    /// the window this message opened, `newest_inbound_at` and `open_until` the window now (the contact's newest message
    /// plus 24 h; the same as this message's when it is the newest), ISO 8601 UTC or null. Its keys differ from the outbound
    /// object's (`last_inbound_at`, `closes_at`, `open_at_send` are the window at a send), so a script written for one
    /// cannot misread the other: `reading` is `now` here and `at_send` there. `opened_by_this_message` is null for an action
    /// Meta documents nothing on (`opensUnknown`); `unknown_since` is the time of the action that left the window unknown
    /// (`unsettled`), with `unknown_because` saying what is known, both null otherwise.
    public var json: JSONValue {
        func iso(_ time: Int64?) -> JSONValue { time.map { .string(KapsoTime.iso($0)) } ?? .null }
        return [
            "reading": "now",
            "opened_by_this_message": opensUnknown ? .null : .bool(openedAt != nil),
            "not_opened_because": notOpened.map(JSONValue.string) ?? .null,
            "opened_at": iso(openedAt),
            "this_message_until": iso(thisMessageUntil),
            "newest_inbound_at": iso(newestInbound),
            "open_until": iso(closesAt),
            "open_now": openNow.map(JSONValue.bool) ?? .null,
            "unconfirmed": unconfirmed.map(JSONValue.string) ?? .null,
            "unknown_since": iso(unsettled?.at),
            "unknown_because": unsettled.map { .string($0.known) } ?? .null,
            "kapso_last_inbound_at": iso(kapsoLastInbound),
            "readings_disagree": .bool(readingsDisagree),
        ]
    }
}
